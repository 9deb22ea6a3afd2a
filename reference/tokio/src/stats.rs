//! A score as JMH reports one: the mean of the measured iterations, and the half-width of its
//! 99.9% confidence interval from Student's t distribution with n − 1 degrees of freedom
//! (JMH's `scoreError`; undefined, so null, for a single iteration).

/// JMH's confidence level for `scoreError`.
pub const CONFIDENCE: f64 = 0.999;

/// Mean, error and interval of a sample of iteration scores.
#[derive(Debug, Clone, PartialEq)]
pub struct Score {
    pub mean: f64,
    /// Half-width of the interval; NaN for fewer than two values.
    pub error: f64,
    pub low: f64,
    pub high: f64,
}

impl Score {
    /// The score of `values`; panics on an empty sample (the command line requires one
    /// measured iteration at least).
    pub fn of(values: &[f64]) -> Score {
        assert!(!values.is_empty(), "a score needs at least one value");
        let n = values.len() as f64;
        let mean = values.iter().sum::<f64>() / n;
        let error = if values.len() < 2 {
            f64::NAN
        } else {
            let variance = values.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / (n - 1.0);
            student_t_quantile(1.0 - (1.0 - CONFIDENCE) / 2.0, n - 1.0) * variance.sqrt() / n.sqrt()
        };
        Score {
            mean,
            error,
            low: mean - error,
            high: mean + error,
        }
    }
}

/// The p-quantile (0.5 ≤ p < 1) of Student's t distribution with `df` degrees of freedom:
/// the t where the distribution function reaches p, found by bisection on the function.
pub fn student_t_quantile(p: f64, df: f64) -> f64 {
    assert!(
        (0.5..1.0).contains(&p) && df > 0.0,
        "p {p} must be in [0.5, 1) and df {df} positive"
    );
    let mut low = 0.0;
    let mut high = 1.0;
    while student_t_cdf(high, df) < p {
        low = high;
        high *= 2.0;
    }
    for _ in 0..200 {
        let middle = 0.5 * (low + high);
        if student_t_cdf(middle, df) < p {
            low = middle;
        } else {
            high = middle;
        }
        if high - low <= 1e-12 * high {
            break;
        }
    }
    0.5 * (low + high)
}

/// Student's t distribution function at t ≥ 0: 1 − I_x(df/2, 1/2) / 2 with x = df / (df + t²).
fn student_t_cdf(t: f64, df: f64) -> f64 {
    1.0 - 0.5 * regularized_incomplete_beta(df / (df + t * t), 0.5 * df, 0.5)
}

/// I_x(a, b), by the continued fraction of the incomplete beta function (modified Lentz),
/// using the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) where the fraction converges slowly.
fn regularized_incomplete_beta(x: f64, a: f64, b: f64) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    if x >= 1.0 {
        return 1.0;
    }
    let front =
        (ln_gamma(a + b) - ln_gamma(a) - ln_gamma(b) + a * x.ln() + b * (1.0 - x).ln()).exp();
    if x < (a + 1.0) / (a + b + 2.0) {
        front * beta_continued_fraction(x, a, b) / a
    } else {
        1.0 - front * beta_continued_fraction(1.0 - x, b, a) / b
    }
}

fn beta_continued_fraction(x: f64, a: f64, b: f64) -> f64 {
    const TINY: f64 = 1e-300;
    let mut c = 1.0;
    let mut d = 1.0 - (a + b) * x / (a + 1.0);
    if d.abs() < TINY {
        d = TINY;
    }
    d = 1.0 / d;
    let mut fraction = d;
    for m in 1..=1000 {
        let m = m as f64;
        // The even step, then the odd step, of the fraction's terms.
        for numerator in [
            m * (b - m) * x / ((a + 2.0 * m - 1.0) * (a + 2.0 * m)),
            -(a + m) * (a + b + m) * x / ((a + 2.0 * m) * (a + 2.0 * m + 1.0)),
        ] {
            d = 1.0 + numerator * d;
            if d.abs() < TINY {
                d = TINY;
            }
            c = 1.0 + numerator / c;
            if c.abs() < TINY {
                c = TINY;
            }
            d = 1.0 / d;
            fraction *= d * c;
        }
        if (d * c - 1.0).abs() < 1e-15 {
            break;
        }
    }
    fraction
}

/// ln Γ(x) for x > 0 (Lanczos approximation, g = 7, nine coefficients; reflection below 1/2).
fn ln_gamma(x: f64) -> f64 {
    const G: f64 = 7.0;
    const COEFFICIENTS: [f64; 9] = [
        0.999_999_999_999_809_9,
        676.520_368_121_885_1,
        -1_259.139_216_722_402_8,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507_343_278_686_905,
        -0.138_571_095_265_720_12,
        9.984_369_578_019_572e-6,
        1.505_632_735_149_311_6e-7,
    ];
    if x < 0.5 {
        let pi = std::f64::consts::PI;
        return (pi / (pi * x).sin()).ln() - ln_gamma(1.0 - x);
    }
    let x = x - 1.0;
    let mut sum = COEFFICIENTS[0];
    for (i, coefficient) in COEFFICIENTS.iter().enumerate().skip(1) {
        sum += coefficient / (x + i as f64);
    }
    let t = x + G + 0.5;
    0.5 * (2.0 * std::f64::consts::PI).ln() + (x + 0.5) * t.ln() - t + sum.ln()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_close(actual: f64, expected: f64, relative: f64) {
        assert!(
            (actual - expected).abs() <= relative * expected.abs(),
            "{actual} is not within {relative} of {expected}"
        );
    }

    #[test]
    fn t_quantiles_match_the_tables() {
        // Two-sided 99.9% critical values (p = 0.9995) from published t tables.
        for (df, expected) in [
            (1.0, 636.619),
            (2.0, 31.599),
            (4.0, 8.610),
            (9.0, 4.781),
            (19.0, 3.883),
            (29.0, 3.659),
            (120.0, 3.373),
        ] {
            assert_close(student_t_quantile(0.9995, df), expected, 1e-3);
        }
        // The 97.5% point at df = 10, and the median.
        assert_close(student_t_quantile(0.975, 10.0), 2.228, 1e-3);
        assert!(student_t_quantile(0.5, 7.0).abs() < 1e-9);
    }

    #[test]
    fn ln_gamma_matches_factorials() {
        assert_close(ln_gamma(1.0).exp(), 1.0, 1e-12);
        assert_close(ln_gamma(5.0).exp(), 24.0, 1e-12);
        assert_close(ln_gamma(0.5).exp(), std::f64::consts::PI.sqrt(), 1e-12);
        // Python: math.lgamma(20.5).
        assert_close(ln_gamma(20.5), 40.831_500_974_530_8, 1e-12);
    }

    #[test]
    fn a_score_is_the_mean_with_the_t_interval() {
        let score = Score::of(&[10.0, 12.0, 11.0, 13.0, 9.0]);
        assert_close(score.mean, 11.0, 1e-12);
        // s = sqrt(2.5), t(0.9995, 4) = 8.610: error = 8.610 * 1.5811 / sqrt(5) = 6.088.
        assert_close(score.error, 6.088, 1e-3);
        assert_close(score.high - score.low, 2.0 * score.error, 1e-12);
    }

    #[test]
    fn one_value_has_no_error() {
        let score = Score::of(&[42.0]);
        assert_eq!(score.mean, 42.0);
        assert!(score.error.is_nan());
    }
}
