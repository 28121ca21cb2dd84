import Foundation

/// Single knife-edge diffraction (Recommendation ITU-R P.526-15, §4.1).
public enum KnifeEdge {
    /// J(ν), the knife-edge diffraction loss in dB for the diffraction parameter ν
    /// (P.526 eq. 31; P.1812-7/8 eq. 12): 6.9 + 20·log10(√((ν − 0.1)² + 1) + ν − 0.1)
    /// for ν > −0.78, and 0 otherwise.
    @inlinable
    public static func lossDB(nu: Double) -> Double {
        guard nu > -0.78 else { return 0 }
        let t = nu - 0.1
        return 6.9 + 20 * DecibelMath.log10((t * t + 1).squareRoot() + t)
    }

    /// ν for an edge `heightM` above the straight line between the terminals, `d1Km` and
    /// `d2Km` from them, at wavelength `wavelengthM` (P.526 eq. 26): h·√(2/λ·(1/d1 + 1/d2)).
    @inlinable
    public static func nu(heightM: Double, d1Km: Double, d2Km: Double, wavelengthM: Double) -> Double {
        heightM * (0.002 * (d1Km + d2Km) / (wavelengthM * d1Km * d2Km)).squareRoot()
    }
}
