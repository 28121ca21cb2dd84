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
