import BlankSpotCore
import Foundation
import Testing
import TestSupport

/// The GENERATED land cover of the Kalsel sample (coarse, 30″): the same bytes on every run;
/// every code is a class of the bundled table; and the places the rules fix are what they must
/// be: the Java Sea is sea, Banjarbaru (a kabupaten/kota capital of the tower list) built up,
/// the Meratus crest (generated about 1,350 m high) forest.
@Suite struct KalselLandCoverTests {
    @Test func generatedLandCoverIsDeterministicAndFollowsItsRules() throws {
        let dir = TemporaryDirectory()
        let data = ExternalTool.dataFolder + "/kalsel"
        var bytes: [Data] = []
        for k in 0..<2 {
            let g = try ExternalTool.run(ExternalTool.kalselSample, [
                "terrain", data + "/kalsel_provinsi.geojson", dir.file("terrain\(k).tif"),
                data + "/kalsel_desa_kelurahan_estimated_population.geojson", data + "/kalsel_towers_illustrative.csv",
                dir.file("landcover\(k).tif"), "30",
            ])
            #expect(g.status == 0, "\(g.stderr)")
            bytes.append(try Data(contentsOf: URL(fileURLWithPath: dir.file("landcover\(k).tif"))))
        }
        #expect(bytes[0] == bytes[1])
        let table = try LandCoverTable.parse(text: String(contentsOfFile: data + "/GENERATED-kalsel-landcover-table.csv", encoding: .utf8),
                                             file: "table")
        let hist = try ExternalTool.run("gdalinfo", ["-hist", dir.file("landcover0.tif")])
        let counts = hist.stdout.split(separator: "\n").drop { !$0.contains("buckets") }.dropFirst().first?
            .split(separator: " ").compactMap { Int($0) } ?? []
        #expect(counts.count == 256)
        for (code, n) in counts.enumerated() where n > 0 && code != 0 {
            #expect(table.classes[code] != nil, "code \(code) (\(n) cells) is not in the table")
        }
        #expect((1...7).allSatisfy { counts.count == 256 && counts[$0] > 0 }, "every class but the narrow rivers occurs at 30″: \(counts.prefix(9))")
        func code(_ lon: Double, _ lat: Double) throws -> Int? {
            let r = try ExternalTool.run("gdallocationinfo", ["-valonly", "-wgs84", dir.file("landcover0.tif"), "\(lon)", "\(lat)"])
            return Int(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        #expect(try code(115.5, -4.5) == 7, "the Java Sea")
        #expect(try code(114.827, -3.442) == 6, "Banjarbaru")
        #expect(try code(115.62, -2.62) == 1, "the Meratus crest")
        let info = try ExternalTool.run("gdalinfo", [dir.file("landcover0.tif")])
        #expect(info.stdout.contains("GENERATED=yes"))
    }
}
