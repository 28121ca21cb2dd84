import Foundation

/// Free-space basic transmission loss (Recommendation ITU-R P.525-4 eq. 4; P.1812-7/8 eq. 8).
public enum FreeSpace {
    /// 92.4 + 20·log10(f GHz) + 20·log10(d km), i.e. 32.45 + 20·log10(f MHz) + 20·log10(d km).
    @inlinable
    public static func lossDB(distanceKm: Double, frequencyGHz: Double) -> Double {
        92.4 + 20 * DecibelMath.log10(frequencyGHz) + 20 * DecibelMath.log10(distanceKm)
    }

    /// Wavelength in metres for a frequency in GHz, as P.1812 writes it (λ = 0.2998/f).
    @inlinable
    public static func wavelengthM(frequencyGHz: Double) -> Double { 0.2998 / frequencyGHz }
}
