package threadmill.coroutines

import java.util.Properties

/**
 * The versions of the libraries this runtime was built with, as the build resolved them
 * (written into a resource by Maven's resource filtering; a jar's own manifest would not
 * survive shading into benchmarks.jar).
 */
internal object LibraryVersions {

    private val versions = Properties().apply {
        val resource = "library-versions.properties"
        LibraryVersions::class.java.getResourceAsStream(resource).use { stream ->
            checkNotNull(stream) { "$resource is missing beside ${LibraryVersions::class.java.name}" }
            load(stream)
        }
    }

    val KOTLINX_COROUTINES: String = versions.getProperty("kotlinx.coroutines")
    val KTOR: String = versions.getProperty("ktor")
}
