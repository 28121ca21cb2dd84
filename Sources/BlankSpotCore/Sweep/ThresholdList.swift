extension ServiceThresholds {
    /// Parses `--threshold 4G=-105,2G=-95` (technology names as in the tower table, dBm with a
    /// decimal point) onto `base`. Each value must lie in ``OptionRanges/thresholdDBm``.
    /// - Throws: ``UsageError`` naming the bad item.
    public static func parsingList(_ text: String, onto base: ServiceThresholds) throws -> ServiceThresholds {
        var result = base
        let items = text.split(separator: ",", omittingEmptySubsequences: false)
        guard !text.trimmingSpaces().isEmpty else {
            throw UsageError("--threshold: expected TECH=dBm items such as 4G=-105,2G=-95, got an empty list")
        }
        var seen: Set<Technology> = []
        for item in items {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map { String($0).trimmingSpaces() }
            guard parts.count == 2, let tech = Technology(name: parts[0]) else {
                throw UsageError("--threshold: expected TECH=dBm items such as 4G=-105,2G=-95 (TECH one of 2G, 3G, 4G, 5G), got '\(item)'")
            }
            guard let v = DecimalText.parse(parts[1]) else {
                throw UsageError("--threshold: expected a level in dBm after '\(parts[0])=', got '\(parts[1])'")
            }
            let range = OptionRanges.thresholdDBm
            guard range.range.contains(v) else {
                throw UsageError("--threshold: \(parts[0]) expected \(range.what) from \(range.text) (\(range.source)), got \(v.formatted)")
            }
            guard seen.insert(tech).inserted else {
                throw UsageError("--threshold: \(tech.rawValue) is given twice")
            }
            result.set(tech, v)
        }
        return result
    }
}
