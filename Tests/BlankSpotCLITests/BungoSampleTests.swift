import BlankSpotCore
import Foundation
import Testing
import TestSupport

/// The Kabupaten Bungo sample: its estimated and GENERATED files are what `tools/bungo-sample`
/// makes from the real data (byte for byte), and `demo --sample bungo` rates every village.
@Suite struct BungoSampleTests {
    static let data = URL(fileURLWithPath: ExternalTool.dataFolder).appendingPathComponent("bungo").path
    static var tool: String { URL(fileURLWithPath: ExternalTool.blankspot).deletingLastPathComponent().appendingPathComponent("bungo-sample").path }

    @Test func generatedFilesAreReproducible() throws {
        let dir = TemporaryDirectory()
        let towers = try ExternalTool.run(Self.tool, ["towers", Self.data + "/bungo_kecamatan.geojson", Self.data + "/bungo_landcover_2010r.tif", dir.file("t.csv")])
        #expect(towers.status == 0, "\(towers.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir.file("t.csv"))) == Data(contentsOf: URL(fileURLWithPath: Self.data + "/GENERATED-bungo-towers.csv")))
        let villages = try ExternalTool.run(Self.tool, ["villages", Self.data + "/bungo_desa_kelurahan.geojson", Self.data + "/bungo_landcover_2010r.tif", dir.file("v.geojson")])
        #expect(villages.status == 0, "\(villages.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir.file("v.geojson"))) == Data(contentsOf: URL(fileURLWithPath: Self.data + "/bungo_desa_kelurahan_estimated_population.geojson")))
    }

    /// 153 desa/kelurahan, all rated; the estimated populations add up to the regency's
    /// 380,027 (Kepmendagri 2025) within the rounding of 153 shares; 17 GENERATED towers, one
    /// per kecamatan.
    @Test func demoRatesEveryVillage() throws {
        let dir = TemporaryDirectory()
        let r = try ExternalTool.run(ExternalTool.blankspot, ["demo", "--sample", "bungo", "--radius-km", "10", "--out", dir.file("out"), "--data", Self.data])
        #expect(r.status == 0, "\(r.stderr)")
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir.file("out/summary.json")))) as! [String: Any]
        let total = summary["total"] as! [String: Any]
        #expect(total["villages"] as? Int == 153)
        #expect(abs((total["population"] as! NSNumber).doubleValue - 380_027) <= 77)
        let run = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir.file("out/run.json")))) as! [String: Any]
        #expect((run["towers"] as! [String: Any])["used"] as? Int == 17)
        #expect(r.stderr.contains("towers are GENERATED"))
    }
}

/// The automatic reach has converged on the Bungo sample's real terrain, land cover and villages
/// (four of its towers, on a 300 m grid to keep the test small; the whole sample is checked by
/// the `demo-bungo-convergence` benchmark): with every tower evaluated to twice its reach
/// (`--reach-scale 2`) no village changes status, the people without service differ by at most
/// 0.5 %, and no tower is cut.
@Suite struct BungoConvergenceTests {
    struct Run {
        var statuses: [String: String]
        var withoutService: Double
        var served: Double
        var cut: Int
        var bases: [String]
    }

    static func demo(_ extra: [String], in dir: TemporaryDirectory, _ label: String) throws -> Run {
        let out = dir.file(label)
        let data = BungoSampleTests.data + "/"
        let firstTowers = try String(contentsOfFile: data + "GENERATED-bungo-towers.csv", encoding: .utf8).split(separator: "\n").prefix(5)
        try (firstTowers.joined(separator: "\n") + "\n").write(toFile: dir.file("towers.csv"), atomically: true, encoding: .utf8)
        let r = try ExternalTool.run(ExternalTool.blankspot, [
            "run", "--dem", data + "bungo_elev_srtm.tif", "--towers", dir.file("towers.csv"),
            "--villages", data + "bungo_desa_kelurahan_estimated_population.geojson", "--landcover", data + "bungo_landcover_2010r.tif",
            "--landcover-table", data + "bungo_landcover_table.csv", "--resolution-m", "300", "--out", out,
        ] + extra)
        #expect(r.status == 0, "\(r.stderr)")
        return try read(out)
    }

    /// The statuses, people and reach bases of the `run` folder `out`.
    static func read(_ out: String) throws -> Run {
        let priority = try CSVTable(text: String(contentsOfFile: out + "/priority.csv", encoding: .utf8), file: "priority.csv")
        let id = priority.header.firstIndex(of: "village_id")!, status = priority.header.firstIndex(of: "status")!
        let towers = try CSVTable(text: String(contentsOfFile: out + "/towers.csv", encoding: .utf8), file: "towers.csv")
        let basis = towers.header.firstIndex(of: "reach_basis")!, cut = towers.header.firstIndex(of: "cut_at_radius")!
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/summary.json"))) as! [String: Any]
        let total = summary["total"] as! [String: Any]
        let population = (total["population"] as! NSNumber).doubleValue, without = (total["people_without_service"] as! NSNumber).doubleValue
        return Run(statuses: Dictionary(uniqueKeysWithValues: priority.rows.map { ($0.fields[id], $0.fields[status]) }),
                   withoutService: without, served: population - without,
                   cut: towers.rows.filter { $0.fields[cut] == "yes" }.count, bases: towers.rows.map { $0.fields[basis] })
    }

    @Test func doublingTheReachChangesNoVerdict() throws {
        let dir = TemporaryDirectory()
        let base = try Self.demo([], in: dir, "default")
        let doubled = try Self.demo(["--reach-scale", "2"], in: dir, "doubled")
        #expect(base.bases.count == 4 && base.bases.allSatisfy { $0 == "proof" || $0 == "margin" }, "\(base.bases)")
        let changed = Set(base.statuses.keys).union(doubled.statuses.keys).filter { base.statuses[$0] != doubled.statuses[$0] }
        #expect(changed.isEmpty, "villages changing status: \(changed.sorted())")
        #expect(abs(doubled.served - base.served) <= 0.005 * base.served)
        #expect(base.cut == 0 && doubled.cut == 0)
    }
}
