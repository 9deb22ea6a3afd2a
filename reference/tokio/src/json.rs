//! The JSON this binary prints: one object per line, keys in the order they were added,
//! numbers plain, and `null` for a number that is not finite (as RAW-FORMAT.md asks). A
//! handful of value kinds is all the output needs, so no JSON crate is pulled in.

use std::fmt::{self, Display, Write};

/// A JSON value.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Int(i128),
    Float(f64),
    Str(String),
    Array(Vec<Json>),
    Object(Object),
}

/// A JSON object whose keys keep the order in which they were put.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Object {
    fields: Vec<(String, Json)>,
}

impl Object {
    pub fn new() -> Object {
        Object::default()
    }

    /// Adds `key`, or replaces its value in place when it is already there.
    pub fn put(mut self, key: &str, value: impl Into<Json>) -> Object {
        self.set(key, value);
        self
    }

    /// As [`Object::put`], on a borrowed object.
    pub fn set(&mut self, key: &str, value: impl Into<Json>) {
        let value = value.into();
        match self.fields.iter_mut().find(|(name, _)| name == key) {
            Some((_, slot)) => *slot = value,
            None => self.fields.push((key.to_string(), value)),
        }
    }

    #[cfg(test)]
    pub fn get(&self, key: &str) -> Option<&Json> {
        self.fields
            .iter()
            .find(|(name, _)| name == key)
            .map(|(_, value)| value)
    }
}

impl Display for Object {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_char('{')?;
        for (i, (key, value)) in self.fields.iter().enumerate() {
            if i > 0 {
                f.write_char(',')?;
            }
            write_string(f, key)?;
            f.write_char(':')?;
            Display::fmt(value, f)?;
        }
        f.write_char('}')
    }
}

impl Display for Json {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Json::Null => f.write_str("null"),
            Json::Bool(value) => write!(f, "{value}"),
            Json::Int(value) => write!(f, "{value}"),
            // Rust prints the shortest text that reads back as the same f64, never with an
            // exponent: valid JSON for every finite value.
            Json::Float(value) if value.is_finite() => write!(f, "{value}"),
            Json::Float(_) => f.write_str("null"),
            Json::Str(value) => write_string(f, value),
            Json::Array(values) => {
                f.write_char('[')?;
                for (i, value) in values.iter().enumerate() {
                    if i > 0 {
                        f.write_char(',')?;
                    }
                    Display::fmt(value, f)?;
                }
                f.write_char(']')
            }
            Json::Object(object) => Display::fmt(object, f),
        }
    }
}

fn write_string(f: &mut fmt::Formatter<'_>, text: &str) -> fmt::Result {
    f.write_char('"')?;
    for c in text.chars() {
        match c {
            '"' => f.write_str("\\\"")?,
            '\\' => f.write_str("\\\\")?,
            '\n' => f.write_str("\\n")?,
            '\r' => f.write_str("\\r")?,
            '\t' => f.write_str("\\t")?,
            c if (c as u32) < 0x20 => write!(f, "\\u{:04x}", c as u32)?,
            c => f.write_char(c)?,
        }
    }
    f.write_char('"')
}

macro_rules! json_from_int {
    ($($t:ty),*) => {$(
        impl From<$t> for Json {
            fn from(value: $t) -> Json {
                Json::Int(value as i128)
            }
        }
    )*};
}
json_from_int!(u8, u16, u32, u64, usize, i32, i64);

impl From<u128> for Json {
    fn from(value: u128) -> Json {
        i128::try_from(value)
            .map(Json::Int)
            .unwrap_or(Json::Float(value as f64))
    }
}

impl From<f64> for Json {
    fn from(value: f64) -> Json {
        Json::Float(value)
    }
}

impl From<bool> for Json {
    fn from(value: bool) -> Json {
        Json::Bool(value)
    }
}

impl From<&str> for Json {
    fn from(value: &str) -> Json {
        Json::Str(value.to_string())
    }
}

impl From<String> for Json {
    fn from(value: String) -> Json {
        Json::Str(value)
    }
}

impl From<Object> for Json {
    fn from(value: Object) -> Json {
        Json::Object(value)
    }
}

impl<T: Into<Json>> From<Vec<T>> for Json {
    fn from(values: Vec<T>) -> Json {
        Json::Array(values.into_iter().map(Into::into).collect())
    }
}

impl<T: Into<Json>> From<Option<T>> for Json {
    fn from(value: Option<T>) -> Json {
        value.map_or(Json::Null, Into::into)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_keys_in_order_and_escapes_strings() {
        let line = Object::new()
            .put("b", 1u64)
            .put("a", "say \"hi\"\n\u{1}")
            .put("c", Json::Null)
            .put("d", vec![1.5f64, 2.0]);
        assert_eq!(
            line.to_string(),
            r#"{"b":1,"a":"say \"hi\"\n\u0001","c":null,"d":[1.5,2]}"#
        );
    }

    #[test]
    fn a_number_that_is_not_finite_is_null() {
        let line = Object::new()
            .put("nan", f64::NAN)
            .put("inf", f64::INFINITY)
            .put("small", 1e-7);
        assert_eq!(
            line.to_string(),
            r#"{"nan":null,"inf":null,"small":0.0000001}"#
        );
    }

    #[test]
    fn putting_a_key_again_replaces_its_value_in_place() {
        let line = Object::new()
            .put("status", "ok")
            .put("tasks", 3u32)
            .put("status", "failed");
        assert_eq!(line.to_string(), r#"{"status":"failed","tasks":3}"#);
    }

    #[test]
    fn none_is_null() {
        let absent: Option<u64> = None;
        assert_eq!(
            Object::new()
                .put("x", absent)
                .put("y", Some(2u64))
                .to_string(),
            r#"{"x":null,"y":2}"#
        );
    }
}
