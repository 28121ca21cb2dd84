import Foundation

/// The inverse complementary cumulative normal distribution I(x), approximated as in
/// Recommendation ITU-R P.1812-7/8, Attachment 3 to Annex 1 (the rational approximation of
/// Abramowitz & Stegun 26.2.23, error below 4.5·10⁻⁴ for 0 < x ≤ 0.5); above 0.5 it uses
/// I(x) = −I(1 − x). P.1812 uses it in eq. 40 (Fi) and for location variability (§4.9).
public enum InverseNormal {
    public static func complementary(_ x: Double) -> Double {
        if x > 0.5 { return -complementary(1 - x) }
        let t = (-2 * log(x)).squareRoot()
        let c0 = 2.515516698, c1 = 0.802853, c2 = 0.010328
        let d1 = 1.432788, d2 = 0.189269, d3 = 0.001308
        let xi = ((c2 * t + c1) * t + c0) / (((d3 * t + d2) * t + d1) * t + 1)
        return t - xi
    }
}
