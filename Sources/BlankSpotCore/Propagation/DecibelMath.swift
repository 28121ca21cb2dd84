import Foundation

/// The decimal logarithm and power of ten that the per-cell propagation code uses, through
/// the natural logarithm and exponential.
///
/// Why: glibc 2.36's `log10` is its older routine (a wrapper around a full-precision natural
/// log, about 100 instructions), while `log` and `exp` are the newer table-driven ones (about 25);
/// `pow(10, x)` likewise costs several times `exp`. A P.1812 cell takes 7–8 decimal logs and two
/// powers of ten. The results differ from `log10`/`pow` by a few units in the last place
/// (relative 1e-15), i.e. 1e-13 dB or less on a path loss.
public enum DecibelMath {
    /// log10(e): turns a natural logarithm into a decimal one.
    @inlinable public static var log10E: Double { 0.434_294_481_903_251_8 }

    /// log10(x) = ln(x)·log10(e).
    @inlinable @inline(__always)
    public static func log10(_ x: Double) -> Double { Foundation.log(x) * log10E }

    /// 10^x = e^(x·ln 10).
    @inlinable @inline(__always)
    public static func exp10(_ x: Double) -> Double { Foundation.exp(x * 2.302_585_092_994_046) }
}
