import Foundation

/// Tropospheric scatter (ITU-R P.1812-7/8 §4.4).
public enum P1812Troposcatter {
    /// Basic transmission loss due to troposcatter not exceeded for p % of the time (eq. 44):
    /// Lbs = 190.1 + Lf + 20·log10(d) + 0.573·θ − 0.15·N0 − 10.125·(log10(50/p))^0.7,
    /// with the frequency-dependent loss Lf = 25·log10(f) − 2.5·(log10(f/2))² (eq. 45).
    public static func lossDB(pathLengthKm d: Double, frequencyGHz f: Double, angularDistanceMrad theta: Double,
                              n0: Double, timePercent p: Double) -> Double {
        let lf = 25 * DecibelMath.log10(f) - 2.5 * pow(DecibelMath.log10(f / 2), 2)
        return 190.1 + lf + 20 * DecibelMath.log10(d) + 0.573 * theta - 0.15 * n0 - 10.125 * pow(DecibelMath.log10(50 / p), 0.7)
    }
}
