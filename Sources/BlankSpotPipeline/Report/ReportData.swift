import BlankSpotCore
import BlankSpotGDAL
import Foundation

/// Everything the report shows, read back from a run's folder: the coverage run (`run.json`,
/// `towers.csv`, `coverage.tif`), the village verdicts (`summary.json`, `priority.csv`,
/// `villages.gpkg`) and, when present, the suggestion (`suggest/sites.csv`, `suggest/run.json`).
/// The report is made from these files alone, so `report --run` gives the same page as `run`.
struct ReportData {
    /// A row of a CSV file by column name.
    typealias Row = [String: String]

    let folder: String
    let coverage: CoverageFolder
    /// run.json of the coverage run, and summary.json of the villages.
    let run: [String: Any]
    let summary: [String: Any]
    let priority: [Row]
    let sites: [Row]?
    let suggestRun: [String: Any]?
    /// Service classes (or line-of-sight classes) of coverage.tif: names and area, km², over
    /// the cells with terrain.
    let classNames: [String]
    let areaByClassKm2: [Double]
    /// Inputs with role, path, bytes and SHA-256 (coverage inputs, then the village layer).
    let inputs: [[String: Any]]
    /// The inputs that are GENERATED (not real data), by role and path.
    let generatedInputs: [(role: String, path: String)]

    init(folder: String) throws {
        self.folder = folder
        func file(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }
        for name in ["run.json", "summary.json", "priority.csv", "villages.gpkg", "coverage.tif", "towers.csv"]
        where !FileManager.default.fileExists(atPath: file(name)) {
            throw InputError(file: folder, message: "has no \(name); expected the folder of `blankspot run` or `demo` (coverage and village verdicts)")
        }
        coverage = try CoverageFolder(path: folder)
        run = try Self.json(file("run.json"))
        summary = try Self.json(file("summary.json"))
        priority = try Self.rows(file("priority.csv"))
        let sitesPath = file("suggest/sites.csv")
        if FileManager.default.fileExists(atPath: sitesPath) {
            sites = try Self.rows(sitesPath)
            suggestRun = try? Self.json(file("suggest/run.json"))
        } else {
            sites = nil
            suggestRun = nil
        }
        let lineOfSight = coverage.model == "los"
        classNames = lineOfSight ? ["tanpa garis pandang (no line of sight)", "terlihat dari BTS (visible from a tower)"]
            : ["tanpa layanan (no service)", "sinyal lemah (marginal)", "baik (good)", "kuat (strong)"]
        var counts = [Int](repeating: 0, count: classNames.count)
        for c in coverage.layers.classes where !c.isNaN && c >= 0 && Int(c) < counts.count { counts[Int(c)] += 1 }
        let cellKm2 = coverage.layers.grid.cellSizeM * coverage.layers.grid.cellSizeM / 1e6
        areaByClassKm2 = counts.map { Double($0) * cellKm2 }
        inputs = ((run["inputs"] as? [[String: Any]]) ?? []) + ((summary["inputs"] as? [[String: Any]]) ?? [])
        generatedInputs = inputs.compactMap { i in
            guard let path = i["path"] as? String, (path as NSString).lastPathComponent.uppercased().contains("GENERATED") else { return nil }
            return ((i["role"] as? String) ?? "", path)
        }
    }

    /// The kabupaten/kota of the run, in summary.json's order ("" when the villages have none).
    var regions: [String] { ((summary["by_region"] as? [[String: Any]]) ?? []).compactMap { $0["region"] as? String } }

    func total(_ key: String) -> Double { ((summary["total"] as? [String: Any])?[key] as? NSNumber)?.doubleValue ?? 0 }

    func parameter(_ key: String) -> String { ((run["parameters"] as? [String: Any])?[key] as? String) ?? "" }

    static func json(_ path: String) throws -> [String: Any] {
        guard let data = FileManager.default.contents(atPath: path),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw InputError(file: path, message: "cannot be read as JSON; expected the file blankspot wrote")
        }
        return object
    }

    static func rows(_ path: String) throws -> [Row] {
        let table = try CSVTable(text: try String(contentsOfFile: path, encoding: .utf8), file: path)
        return table.rows.map { row in
            var r: Row = [:]
            for (i, name) in table.header.enumerated() where i < row.fields.count { r[name] = row.fields[i] }
            return r
        }
    }
}
