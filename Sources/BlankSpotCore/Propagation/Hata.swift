import Foundation

/// The Okumura–Hata model (150–1500 MHz; Hata 1980, IEEE Trans. VT-29) and its COST 231
/// extension (1500–2000 MHz; COST Action 231 final report, 1999, §4.4.1), for four environments.
public enum Hata {
    public enum Environment: String, Sendable, CaseIterable, Codable {
        /// Large city / metropolitan centre: large-city a(hm); COST 231 Cm = 3 dB.
        case urban
        /// Medium city formula with Hata's suburban correction −2·(log(f/28))² − 5.4.
        case suburban
        /// Quasi-open area: −4.78·(log f)² + 18.33·log f − 35.94.
        case rural
        /// Open area: −4.78·(log f)² + 18.33·log f − 40.94.
        case open
    }

    /// The domain the formulas were fitted on.
    public static let frequencyRangeMHz = 150.0...2000.0
    public static let baseHeightRangeM = 30.0...200.0
    public static let mobileHeightRangeM = 1.0...10.0
    public static let distanceRangeKm = 1.0...20.0

    /// Median basic path loss, dB, for frequency `f` (MHz), base antenna height `hb` and mobile
    /// height `hm` (m) and distance `d` (km). Outside the fitted domain the formulas are
    /// extrapolated; callers warn (see ``domainWarnings``).
    public static func lossDB(frequencyMHz f: Double, baseHeightM hb: Double, mobileHeightM hm: Double,
                              distanceKm d: Double, environment: Environment) -> Double {
        let lf = log10(f), lhb = log10(hb), ld = log10(d)
        // Mobile antenna height correction a(hm).
        let aLarge = f >= 300 ? 3.2 * pow(log10(11.75 * hm), 2) - 4.97 : 8.29 * pow(log10(1.54 * hm), 2) - 1.1
        let aMedium = (1.1 * lf - 0.7) * hm - (1.56 * lf - 0.8)
        let a = environment == .urban ? aLarge : aMedium
        let base: Double
        if f <= 1500 {
            base = 69.55 + 26.16 * lf - 13.82 * lhb - a + (44.9 - 6.55 * lhb) * ld
        } else {
            let cm = environment == .urban ? 3.0 : 0.0
            base = 46.3 + 33.9 * lf - 13.82 * lhb - a + (44.9 - 6.55 * lhb) * ld + cm
        }
        switch environment {
        case .urban: return base
        case .suburban: return base - 2 * pow(log10(f / 28), 2) - 5.4
        case .rural: return base - 4.78 * lf * lf + 18.33 * lf - 35.94
        case .open: return base - 4.78 * lf * lf + 18.33 * lf - 40.94
        }
    }

    /// Human-readable notes for inputs outside the fitted domain (empty when inside).
    public static func domainWarnings(frequencyMHz f: Double, baseHeightM hb: Double, mobileHeightM hm: Double,
                                      maxDistanceKm: Double) -> [String] {
        var w: [String] = []
        if !frequencyRangeMHz.contains(f) { w.append("frequency \(f) MHz is outside Hata's 150–2000 MHz") }
        if !baseHeightRangeM.contains(hb) { w.append("base antenna height \(hb) m is outside Hata's 30–200 m") }
        if !mobileHeightRangeM.contains(hm) { w.append("mobile height \(hm) m is outside Hata's 1–10 m") }
        if maxDistanceKm > distanceRangeKm.upperBound { w.append("radius \(maxDistanceKm) km reaches beyond Hata's 20 km") }
        return w
    }
}
