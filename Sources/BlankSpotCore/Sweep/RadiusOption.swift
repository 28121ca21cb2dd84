/// `--radius-km auto|KM`, `--max-reach-km` and `--reach-scale` as sweep settings.
public enum RadiusOption {
    /// The settings' radius and automatic reach for these option values.
    /// - Throws: ``UsageError`` naming the option, for text that is neither `auto` nor a
    ///   number, a value outside its documented range, or `--reach-scale` with a fixed radius.
    public static func parse(_ text: String, maxReachKm: Double, reachScale: Double) throws -> (radiusM: Double, automatic: AutomaticReach?) {
        let trimmed = text.trimmingSpaces()
        try OptionRanges.reachScale.check(reachScale)
        if trimmed.lowercased() == "auto" {
            try OptionRanges.maxReachKm.check(maxReachKm)
            return (maxReachKm * 1000, AutomaticReach(scale: reachScale))
        }
        guard let km = DecimalText.parse(trimmed) else {
            throw UsageError("--radius-km: expected auto or a radius from 0.1 to 500 km such as 30, got '\(text)'")
        }
        try OptionRanges.radiusKm.check(km)
        if reachScale != 1 {
            throw UsageError("--reach-scale applies to --radius-km auto only; with a fixed radius, give a larger --radius-km")
        }
        return (km * 1000, nil)
    }
}
