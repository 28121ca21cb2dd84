import BlankSpotCore

/// How the run chose each tower's reach, in words for run.json and the log.
enum ReachReport {
    /// The rule, for run.json's parameters.
    static func rule(_ settings: SweepSettings) -> String {
        let km = { CSVWriter.number($0 / 1000) }
        guard let rule = settings.automaticReach else {
            return "fixed: every tower evaluated to \(km(settings.radiusM)) km"
        }
        var text = "automatic: each tower swept to \(km(rule.startM)) km, then twice as far (four times with P.1812 at 50 % of time), "
            + "up to the cap of \(km(settings.radiusM)) km, until the model proves that nothing farther can be served "
            + "(its free-space bound; for P.1812 at 50 % of time a bound on every ray from the terrain and clutter ahead), "
            + "or, for models without such a proof, the outer \(CSVWriter.number(rule.emptyOuterShare * 100)) % of the radius "
            + "holds no served cell"
        if rule.scale != 1 { text += "; convergence check: every tower then evaluated to \(CSVWriter.number(rule.scale)) times that radius" }
        return text
    }

    /// One log line: how many towers ended by each rule, and the radii evaluated.
    static func line(_ reaches: [TowerReach], rule: AutomaticReach, capM: Double) -> String {
        let count = { (b: TowerReach.Basis) in reaches.filter { $0.basis == b }.count }
        let radii = reaches.map(\.evaluatedM).sorted()
        let median = radii.isEmpty ? 0 : radii[radii.count / 2]
        let largest = radii.last ?? 0
        return "automatic reach: \(count(.proof)) towers bounded by the model, \(count(.margin)) by an empty outer band, "
            + "\(count(.cap)) at the \(CSVWriter.number(capM / 1000)) km cap; evaluated to \(CSVWriter.number(median / 1000, decimals: 1)) km "
            + "(median), \(CSVWriter.number(largest / 1000, decimals: 1)) km (largest)"
    }
}
