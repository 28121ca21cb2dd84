import BlankSpotCore
import Foundation
import Testing
import TestSupport

/// Every machine-readable name blankspot writes — JSON keys of `run.json`, `summary.json` and
/// `profile --json`, CSV headers, GeoPackage fields — follows one rule: snake case, and each word
/// is an English word, a unit written as one word (`mhz`, `dbm`, `km2`), or a named quantity of the
/// Recommendations (`n0`, `p10`). The vocabulary below lists them; a key made by splitting a unit
/// spelling (`frequency_m_hz`) or gluing words (`origin_xm`) has a word not in it and fails.
@Suite struct OutputNamingTests {
    /// Units, each one word: frequency, power and level, distance and area, angle, time.
    static let units: Set<String> = ["mhz", "ghz", "db", "dbm", "dbi", "dbuv", "m", "km", "km2", "mrad", "deg", "s", "utc", "percent", "1kw"]
    /// Named quantities and codes: ITU-R symbols, percentiles, hash names, identifiers of models.
    static let symbols: Set<String> = ["n0", "p10", "sha256", "x", "y", "id", "itm", "p1812", "n"]  // n: ΔN, the refractivity lapse (delta_n)
    /// Ordinary words used in names.
    static let words: Set<String> = [
        "agree", "agrees", "angle", "angular", "at", "bad", "cut", "to", "clutter", "rows", "service", "antenna", "area",
        "azimuth", "basic", "beamwidth", "blank", "by", "bytes", "cell", "cells", "centroid", "changes", "col", "command",
        "confirm", "confirmation", "confirmed", "count", "counts", "coverage", "covered", "crs", "decimals", "delta", "disagree",
        "distance", "district", "eirp", "equation", "field", "fields", "frequency", "from", "gain", "grid", "ground", "height",
        "horizon", "in", "index", "inputs", "lat", "length", "line", "location", "lon", "loss", "main", "max", "median",
        "method", "model", "name", "nearest", "of", "origin", "outputs", "parameters", "partial", "path", "pattern", "per",
        "people", "percent", "points", "polarization", "population", "priority", "quantity", "radius", "rank", "raster", "read",
        "receiver", "region", "results", "role", "row", "rules", "rx", "sample", "score", "seconds", "served", "server",
        "serving", "sight", "signal", "size", "skipped", "source", "sources", "spacing", "started", "status", "strength",
        "summary", "symbol", "technology", "terms", "terrain", "threads", "threshold", "thresholds", "tilt", "time", "timings",
        "tool", "total", "tower", "towers", "transmission", "transmitter", "tx", "uncovered", "unit", "used", "valid", "value",
        "values", "version", "villages", "village", "weight", "with", "without", "width", "sweep", "write", "weighted", "mode",
        "evaluated", "reach", "basis", "scale", "automatic", "empty", "outer", "share", "start", "arguments", "sites", "newly",
        "cumulative", "objective", "lifted", "shared", "alternatives", "backhaul", "candidate", "candidates", "upper", "bound",
        "gap", "lp", "greedy", "swaps", "swap", "evaluations", "heights", "min", "sweeps", "template", "unserved", "today",
        "baselines", "rule", "solver", "solve", "locations", "suggestion", "certificate",
    ]

    /// The words of `name` that break the rule (empty when it follows it).
    static func problems(_ name: String) -> [String] {
        let snake = !name.isEmpty && !name.hasPrefix("_") && !name.hasSuffix("_") && !name.contains("__")
            && name.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "_" }
        guard snake else { return [name] }
        return name.split(separator: "_").map(String.init).filter { !units.contains($0) && !symbols.contains($0) && !words.contains($0) }
    }

    static func keys(_ json: Any, into set: inout Set<String>) {
        if let d = json as? [String: Any] {
            for (k, v) in d { set.insert(k); Self.keys(v, into: &set) }
        } else if let a = json as? [Any] {
            for v in a { Self.keys(v, into: &set) }
        }
    }

    /// Keys whose values are free text (parameters of the run, counts) are checked too: they are keys.
    @Test func everyOutputNameFollowsTheRule() throws {
        let dir = TemporaryDirectory()
        try VillagesTests.writeWallScene(in: dir)
        let out = dir.file("out")
        let r = try ExternalTool.run(ExternalTool.blankspot, ["run", "--dem", dir.file("dem.tif"), "--towers", dir.file("towers.csv"),
                                                             "--villages", dir.file("villages.geojson"), "--out", out,
                                                             "--radius-km", "5", "--confirm", "p1812", "--threads", "1",
                                                             "--suggest", "1", "--grid-m", "150", "--max-sweeps", "20"])
        #expect(r.status == 0, "\(r.stderr)")
        var names: [String: Set<String>] = [:]
        for file in ["run.json", "summary.json", "suggest/run.json"] {
            var set = Set<String>()
            Self.keys(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/" + file))), into: &set)
            names[file] = set
        }
        let profile = try ExternalTool.run(ExternalTool.blankspot, ["profile", "--dem", Fixtures.whiteMountainsTile, "--from=-71.6681,44.0453",
                                                                   "--to=-71.5412,44.2723", "--model", "p1812,fspl,itm", "--json"])
        #expect(profile.status == 0, "\(profile.stderr)")
        var profileKeys = Set<String>()
        Self.keys(try JSONSerialization.jsonObject(with: Data(profile.stdout.utf8)), into: &profileKeys)
        names["profile --json"] = profileKeys
        for file in ["towers.csv", "priority.csv", "suggest/sites.csv", "suggest/curve.csv", "suggest/baselines.csv"] {
            let table = try CSVTable(text: String(contentsOfFile: out + "/" + file, encoding: .utf8), file: file)
            names[file] = Set(table.header)
        }
        // The data layers; `layer_styles` has QGIS's own column names (docs/data.md, Styles).
        let fields = try ExternalTool.run("ogrinfo", ["-ro", "-so", out + "/villages.gpkg", "villages", "priority"])
        names["villages.gpkg"] = Set(fields.stdout.split(separator: "\n").compactMap { line -> String? in
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[1].hasPrefix(" String") || parts[1].hasPrefix(" Real") || parts[1].hasPrefix(" Integer") else { return nil }
            return String(parts[0])
        })
        // The profile's names are where unit spellings used to be split in two.
        #expect(profileKeys.contains("frequency_mhz") && profileKeys.contains("field_strength_dbuv_per_m_1kw"))
        #expect(names["run.json"]!.contains("origin_x_m") && names["summary.json"]!.contains("confirmation"))
        for (file, set) in names.sorted(by: { $0.key < $1.key }) {
            #expect(set.count >= 5, "\(file): too few names read (\(set.count))")
            for name in set.sorted() {
                let bad = Self.problems(name)
                #expect(bad.isEmpty, "\(file): '\(name)' breaks the naming rule at \(bad)")
            }
        }
    }

    /// The rule itself: the names the old mechanical conversion made are refused.
    @Test func ruleRefusesSplitUnits() {
        #expect(!Self.problems("frequency_m_hz").isEmpty)
        #expect(!Self.problems("field_strength1k_wd_bu_vm").isEmpty)
        #expect(!Self.problems("origin_xm").isEmpty)
        #expect(!Self.problems("Frequency_MHz").isEmpty)
        #expect(Self.problems("basic_transmission_loss_db").isEmpty)
    }
}
