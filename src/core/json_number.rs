//! The value of a JSON number, without the size of a general float parser
//! (whose tables alone are 10 KB of the widget's wasm).

/// The powers of ten that are exact as `f64`.
const EXACT_POWERS: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// Significant digits kept: as many as a `u64` holds.
const KEPT_DIGITS: usize = 19;

/// The value of `written`, a number in JSON's grammar (`-12.5e3`). Exact
/// (correctly rounded) when its significant digits fit in 2^53 and its
/// decimal exponent is within ±22, as every time and count the formats
/// write are; otherwise within a few units in the last place. `None` when
/// it is beyond the range of `f64`.
pub(crate) fn number_value(written: &str) -> Option<f64> {
    let (negative, unsigned) = match written.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, written),
    };
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(at) => (unsigned.get(..at)?, parse_exponent(unsigned.get(at + 1..)?)),
        None => (unsigned, 0),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let mut significand: u64 = 0;
    let mut kept = 0;
    let mut scale: i64 = exponent;
    let digits = whole.bytes().map(|digit| (digit, true));
    let digits = digits.chain(fraction.bytes().map(|digit| (digit, false)));
    for (digit, in_whole) in digits {
        let digit = u64::from(digit.wrapping_sub(b'0'));
        if kept < KEPT_DIGITS && (significand > 0 || digit > 0) {
            significand = significand * 10 + digit;
            kept += 1;
            scale -= i64::from(!in_whole);
        } else if kept == 0 {
            // A leading zero: only its place counts.
            scale -= i64::from(!in_whole);
        } else if in_whole {
            scale += 1;
        }
    }
    let magnitude = scaled(significand, scale)?;
    Some(if negative { -magnitude } else { magnitude })
}

/// `significand` × 10^`scale`.
fn scaled(significand: u64, scale: i64) -> Option<f64> {
    if significand == 0 {
        return Some(0.0);
    }
    let exact = significand <= 1 << 53;
    let power = |exponent: i64| EXACT_POWERS.get(usize::try_from(exponent).ok()?).copied();
    if exact {
        if let Some(power) = power(scale) {
            return Some(significand as f64 * power);
        }
        if let Some(power) = power(-scale) {
            return Some(significand as f64 / power);
        }
    }
    // Beyond every finite f64 either way (the significand has at most 19
    // digits): no need to multiply out.
    if scale > 310 {
        return None;
    }
    if scale < -345 {
        return Some(0.0);
    }
    let mut value = significand as f64;
    let mut left = scale;
    while left != 0 {
        let step = left.clamp(-22, 22);
        let power = power(step.abs())?;
        // Dividing by an exact power rounds once, where multiplying by
        // its inverse would round twice.
        value = if step > 0 {
            value * power
        } else {
            value / power
        };
        left -= step;
    }
    value.is_finite().then_some(value)
}

/// The exponent after `e`: `+3`, `-12`, `7`; a longer one than any number
/// could use stays far beyond the range.
fn parse_exponent(written: &str) -> i64 {
    let (negative, digits) = match written.as_bytes().first() {
        Some(b'-') => (true, written.get(1..).unwrap_or_default()),
        Some(b'+') => (false, written.get(1..).unwrap_or_default()),
        _ => (false, written),
    };
    let magnitude = digits.bytes().fold(0i64, |value, digit| {
        (value * 10 + i64::from(digit.wrapping_sub(b'0'))).min(1 << 40)
    });
    if negative {
        -magnitude
    } else {
        magnitude
    }
}
