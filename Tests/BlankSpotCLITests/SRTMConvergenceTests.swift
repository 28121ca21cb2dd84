import BlankSpotCore
import Foundation
import Testing
import TestSupport

/// The automatic reach on the real SRTM tile of the White Mountains (N44W072) with 20 towers:
/// the tile's 10 illustrative sites and 10 more at seeded random positions, default clutter
/// (trees), villages made of a 6 × 6 grid of 0.15° squares with 1,000 people each. Doubling
/// every tower's reach (`--reach-scale 2`) must change no village's status, move the served
/// population by at most 0.5 % and cut no tower.
@Suite struct SRTMConvergenceTests {
    static func inputs(in dir: TemporaryDirectory) throws -> (towers: String, villages: String) {
        let data = try String(contentsOfFile: ExternalTool.dataFolder + "/srtm3-N44W072-white-mountains/white-mountains-towers.csv", encoding: .utf8)
        var lines = data.split(separator: "\n").map(String.init)
        var rng = SplitMix64(seed: 44072)
        for k in 0..<10 {
            let lon = -71.9 + 0.8 * rng.nextUnit(), lat = 44.1 + 0.8 * rng.nextUnit()
            lines.append("seeded-\(k),\(String(format: "%.4f", lon)),\(String(format: "%.4f", lat)),30,4G,seeded test site")
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: dir.file("towers.csv"), atomically: true, encoding: .utf8)
        var features: [String] = []
        for i in 0..<6 {
            for j in 0..<6 {
                let w = -71.95 + 0.15 * Double(i), s = 44.05 + 0.15 * Double(j), e = w + 0.15, n = s + 0.15
                features.append(#"{"type":"Feature","properties":{"kode":"V\#(i)\#(j)","nama":"Square \#(i)\#(j)","penduduk":1000},"geometry":{"type":"Polygon","coordinates":[[[\#(w),\#(s)],[\#(e),\#(s)],[\#(e),\#(n)],[\#(w),\#(n)],[\#(w),\#(s)]]]}}"#)
            }
        }
        try #"{"type":"FeatureCollection","features":[\#(features.joined(separator: ","))]}"#.write(toFile: dir.file("villages.geojson"), atomically: true, encoding: .utf8)
        return (dir.file("towers.csv"), dir.file("villages.geojson"))
    }

    @Test func doublingTheReachChangesNoVerdict() throws {
        let dir = TemporaryDirectory()
        let (towers, villages) = try Self.inputs(in: dir)
        func run(_ extra: [String], _ label: String) throws -> BungoConvergenceTests.Run {
            let out = dir.file(label)
            let r = try ExternalTool.run(ExternalTool.blankspot, [
                "run", "--dem", Fixtures.whiteMountainsTile, "--towers", towers, "--villages", villages,
                "--resolution-m", "300", "--out", out,
            ] + extra)
            #expect(r.status == 0, "\(r.stderr)")
            return try BungoConvergenceTests.read(out)
        }
        let base = try run([], "default")
        let doubled = try run(["--reach-scale", "2"], "doubled")
        #expect(base.bases.count == 20 && base.bases.allSatisfy { $0 == "proof" || $0 == "margin" }, "\(base.bases)")
        let changed = Set(base.statuses.keys).union(doubled.statuses.keys).filter { base.statuses[$0] != doubled.statuses[$0] }
        #expect(changed.isEmpty, "villages changing status: \(changed.sorted())")
        #expect(abs(doubled.served - base.served) <= 0.005 * base.served, "served \(base.served) and \(doubled.served)")
        #expect(base.cut == 0 && doubled.cut == 0)
        print("SRTM tile, 20 towers: \(base.statuses.count) villages blank or partial, \(base.served) people served, reach \(base.bases)")
    }
}
