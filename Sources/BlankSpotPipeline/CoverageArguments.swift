import BlankSpotCore
import Foundation

extension CoverageRequest {
    /// The `blankspot coverage` options that recreate this request, with absolute paths, for
    /// run.json (`coverage_arguments`): `suggest` sweeps its candidates with exactly the
    /// coverage run's inputs, model, clutter and reach, whichever command made the folder.
    /// `--out` is not among them.
    public var coverageArguments: [String] {
        func absolute(_ p: String) -> String { URL(fileURLWithPath: p).standardizedFileURL.path }
        func n(_ v: Double) -> String { CSVWriter.number(v, decimals: 9) }
        var a = ["--dem"] + demPaths.map(absolute) + ["--towers", absolute(towersPath), "--model", model.rawValue]
        if let rule = settings.automaticReach {
            a += ["--radius-km", "auto", "--max-reach-km", n(settings.radiusM / 1000), "--reach-scale", n(rule.scale)]
        } else {
            a += ["--radius-km", n(settings.radiusM / 1000)]
        }
        let t = signal.thresholds
        a += ["--rx-height-m", n(settings.rxHeightM), "--k-factor", n(settings.kFactor),
              "--threshold", "2G=\(n(t.gsmDBm)),3G=\(n(t.umtsDBm)),4G=\(n(t.lteDBm)),5G=\(n(t.nrDBm))",
              "--time-percent", n(signal.timePercent), "--location-percent", n(signal.locationPercent),
              "--delta-n", n(signal.deltaN), "--n0", n(signal.n0),
              "--itm-climate", String(signal.itm.climate), "--itm-ground", signal.itm.ground.rawValue]
        if let e = signal.environment { a += ["--environment", e.rawValue] }
        if let crs { a += ["--crs", crs] }
        if let resolutionM { a += ["--resolution-m", n(resolutionM)] }
        for (field, column) in towerReading.mapping.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            a += ["--column", "\(field.rawValue)=\(column)"]
        }
        if towerReading.skipBadRows { a.append("--skip-bad-rows") }
        switch towerReading.clutter {
        case .none: a += ["--clutter", "none"]
        case .uniform(let u): a += ["--clutter", u.rawValue]
        case .landCover(let paths, _, let tableName):
            a += ["--landcover"] + paths.map(absolute)
            if tableName != WorldCoverTable.table.name { a += ["--landcover-table", absolute(tableName)] }
        }
        return a
    }
}
