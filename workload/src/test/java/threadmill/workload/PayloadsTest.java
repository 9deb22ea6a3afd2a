package threadmill.workload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class PayloadsTest {

    @Test
    void arrayAndBufferPayloadsAreTheSameBytes() {
        byte[] array = new byte[1000];
        Payloads.fill(array, 3, 4);
        ByteBuffer buffer = ByteBuffer.allocateDirect(1000);
        Payloads.fill(buffer, 3, 4);

        byte[] fromBuffer = new byte[1000];
        buffer.get(0, fromBuffer);
        assertArrayEquals(array, fromBuffer);
        assertTrue(Payloads.matches(array, array.length, 3, 4));
        assertTrue(Payloads.matches(buffer, 3, 4));
    }

    @Test
    void aPayloadCanBeFilledAndCheckedInPieces() {
        // Indexes are absolute, so a reader can check each chunk as it arrives.
        ByteBuffer whole = ByteBuffer.allocate(100);
        Payloads.fill(whole.position(0).limit(40), 1, 2);
        Payloads.fill(whole.position(40).limit(100), 1, 2);

        assertTrue(Payloads.matches(whole.position(0).limit(100), 1, 2));
        assertTrue(Payloads.matches(whole.position(60).limit(80), 1, 2));
    }

    @Test
    void anotherConnectionOrRequestOrACorruptedByteDoesNotMatch() {
        byte[] payload = new byte[64];
        Payloads.fill(payload, 5, 6);

        assertFalse(Payloads.matches(payload, payload.length, 6, 6));
        assertFalse(Payloads.matches(payload, payload.length, 5, 7));
        payload[63] ^= 1;
        assertFalse(Payloads.matches(payload, payload.length, 5, 6));
        assertTrue(Payloads.matches(payload, 63, 5, 6), "only the first 63 bytes are compared");
    }

    @Test
    void mismatchNamesTheRequestAndConnection() {
        assertEquals("echo of request 2 on connection 9 did not match what was sent", Payloads.mismatch(9, 2).getMessage());
    }
}
