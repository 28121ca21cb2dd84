import BlankSpotCore
import Foundation
import Testing
import TestSupport

/// Clutter through the command line: the default (one `trees` category), `--clutter none`
/// (bare terrain), and a real land-cover map with its table, recorded in run.json and the
/// rasters. Clutter raises P.1812's diffraction profile, so it can only take cells out of
/// service: the served cells with clutter are a subset of those without.
@Suite struct ClutterRunTests {
    static let bungo = URL(fileURLWithPath: ExternalTool.dataFolder).appendingPathComponent("bungo").path

    static func run(_ extra: [String], out: String) throws -> (ProcessResult, [String: Any]) {
        let r = try ExternalTool.run(ExternalTool.blankspot, ["coverage", "--dem", bungo + "/bungo_elev_srtm.tif",
                                                             "--towers", bungo + "/GENERATED-bungo-towers.csv", "--out", out,
                                                             "--radius-km", "8"] + extra)
        let manifest = (try? JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/run.json")))) as? [String: Any] ?? [:]
        return (r, manifest)
    }

    static func served(_ out: String) throws -> [Bool] {
        let classes = try ExternalTool.run("gdal_translate", ["-q", "-of", "AAIGrid", out + "/coverage.tif", out + "/c.asc"])
        #expect(classes.status == 0)
        let text = try String(contentsOfFile: out + "/c.asc", encoding: .utf8)
        return text.split(separator: "\n").dropFirst(6).flatMap { $0.split(separator: " ") }.map { let v = Int($0) ?? 255; return v >= 1 && v <= 3 }
    }

    @Test func defaultNoneAndLandCover() throws {
        let dir = TemporaryDirectory()
        let (d, dm) = try Self.run([], out: dir.file("default"))
        #expect(d.status == 0, "\(d.stderr)")
        #expect((dm["parameters"] as? [String: String])?["clutter"]?.hasPrefix("uniform trees: R = 15 m") == true)
        let (n, nm) = try Self.run(["--clutter", "none"], out: dir.file("none"))
        #expect(n.status == 0, "\(n.stderr)")
        #expect((nm["parameters"] as? [String: String])?["clutter"]?.hasPrefix("none") == true)
        let (l, lm) = try Self.run(["--landcover", Self.bungo + "/bungo_landcover_2010r.tif", "--landcover-table", Self.bungo + "/bungo_landcover_table.csv"],
                                   out: dir.file("landcover"))
        #expect(l.status == 0, "\(l.stderr)")
        #expect((lm["parameters"] as? [String: String])?["clutter"]?.contains("bungo_landcover_2010r.tif") == true)
        let roles = ((lm["inputs"] as? [[String: Any]]) ?? []).compactMap { $0["role"] as? String }
        #expect(roles.contains("landcover") && roles.contains("landcover_table"))
        let metadata = try ExternalTool.run("gdalinfo", [dir.file("landcover") + "/signal_dbm.tif"])
        #expect(metadata.stdout.contains("BLANKSPOT_CLUTTER=land cover"))

        let bare = try Self.served(dir.file("none")), trees = try Self.served(dir.file("default")), map = try Self.served(dir.file("landcover"))
        #expect(bare.count == trees.count && bare.count == map.count)
        let bareCount = bare.filter { $0 }.count, treeCount = trees.filter { $0 }.count, mapCount = map.filter { $0 }.count
        #expect(zip(trees, bare).allSatisfy { !$0 || $1 }, "a cell served with clutter is served without it")
        #expect(zip(map, bare).allSatisfy { !$0 || $1 })
        #expect(treeCount < bareCount && mapCount < bareCount, "bare \(bareCount), trees \(treeCount), land cover \(mapCount)")
    }

    @Test func otherModelsSayHowTheyUseClutter() throws {
        let dir = TemporaryDirectory()
        let (f, fm) = try Self.run(["--model", "fspl"], out: dir.file("fspl"))
        #expect(f.status == 0, "\(f.stderr)")
        #expect(f.stderr.contains("is not used by --model fspl, which runs on bare terrain"))
        #expect((fm["parameters"] as? [String: String])?["clutter"]?.hasPrefix("none") == true)
        let (h, hm) = try Self.run(["--model", "hata"], out: dir.file("hata"))
        #expect(h.status == 0, "\(h.stderr)")
        let hp = hm["parameters"] as? [String: String] ?? [:]
        #expect(hp["hata_environment"] == "each receiver cell's land-cover class")
        #expect(hp["clutter"]?.contains("Hata environment of each receiver cell's land-cover class") == true)
        let (i, im) = try Self.run(["--model", "itm", "--radius-km", "3"], out: dir.file("itm"))
        #expect(i.status == 0, "\(i.stderr)")
        #expect((im["parameters"] as? [String: String])?["clutter"]?.contains("P.2108-1 §3.1") == true)
    }
}
