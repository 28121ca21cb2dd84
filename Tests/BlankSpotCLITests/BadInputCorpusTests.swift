import BlankSpotCore
import BlankSpotGDAL
import Foundation
import Testing
import TestSupport

/// Runs every case of ``BadInputCorpus`` through the built binary as a child process and
/// checks what a user sees: the exit code, a message naming the file, the place, the field and
/// what was expected, no crash or backtrace, and nothing left behind: no output folder and no
/// temporary folder.
@Suite struct BadInputCorpusTests {
    @Test func corpusIsLargeAndCoversEveryInput() {
        let names = BadInputCorpus.cases.map(\.name)
        #expect(names.count >= 80)
        #expect(Set(names).count == names.count, "case names are unique")
        for kind in ["towers:", "dem:", "villages:", "profile:", "option:", "output:"] {
            #expect(names.filter { $0.hasPrefix(kind) }.count >= 3, "\(kind) has cases")
        }
    }

    @Test(arguments: BadInputCorpus.cases)
    func badInputEndsCleanly(_ c: BadInputCase) throws {
        let dir = TemporaryDirectory("blankspot-bad")
        for (name, content) in c.files {
            let path = dir.file(name)
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            switch content {
            case .text(let t): try t.write(toFile: path, atomically: true, encoding: .utf8)
            case .bytes(let b): try Data(b).write(to: URL(fileURLWithPath: path))
            case .folder: try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            case .absent: break
            case let .raster(minLon, maxLat, cellDeg, size, value, crs):
                try Self.writeRaster(path: path, minLon: minLon, maxLat: maxLat, cellDeg: cellDeg, size: size, value: value, crs: crs)
            }
        }
        let out = dir.file("out-folder")
        let before = try Self.listing(dir.path)
        let args = c.args.map {
            $0.replacingOccurrences(of: "{d}", with: dir.path).replacingOccurrences(of: "{dem}", with: Fixtures.whiteMountainsTile)
                .replacingOccurrences(of: "{out}", with: out)
        }
        let r = try ExternalTool.run(ExternalTool.blankspot, args)
        let said = r.stdout + r.stderr
        #expect(r.status == c.exitCode, "\(c.name): exit \(r.status), expected \(c.exitCode): \(r.stderr)")
        for m in c.mentions {
            let wanted = m.replacingOccurrences(of: "{d}", with: dir.path)
            #expect(r.stderr.contains(wanted), "\(c.name): the message should mention '\(wanted)': \(r.stderr)")
        }
        for sign in ["crashed", "Fatal error", "Backtrac", "Thread 0", "Segmentation", "Illegal instruction", "*** Signal"] {
            #expect(!said.contains(sign), "\(c.name): '\(sign)' in the output: \(said)")
        }
        #expect(!FileManager.default.fileExists(atPath: out), "\(c.name): no output folder after a failure")
        let after = try Self.listing(dir.path)
        #expect(after == before, "\(c.name): files appeared or vanished: \(after.symmetricDifference(before).sorted())")
        #expect(!FileManager.default.fileExists(atPath: "/proc/blankspot-out"))
    }

    /// Every path below `root`, hidden ones included.
    static func listing(_ root: String) throws -> Set<String> {
        var paths: Set<String> = []
        if let e = FileManager.default.enumerator(atPath: root) {
            while let p = e.nextObject() as? String { paths.insert(p) }
        }
        return paths
    }

    /// A one-band Float32 GeoTIFF in WGS 84 degrees (or without a CRS), every pixel `value`;
    /// nan is written as nodata −9999.
    static func writeRaster(path: String, minLon: Double, maxLat: Double, cellDeg: Double, size: Int, value: Float, crs: Bool) throws {
        let grid = GridGeometry(originXM: minLon, originYM: maxLat, cellSizeM: cellDeg, width: size, height: size,
                                crsWKT: crs ? #"GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]"# : "")
        let pixels = GridBuffer<Float>(count: size * size, repeating: value.isNaN ? -9999 : value)
        try GeoTIFFWriter.write(RasterProduct(pixels: .float32(pixels), description: "test", unit: "m", nodata: -9999, overviewResampling: .average),
                                grid: grid, to: path)
    }
}
