import BlankSpotCore
import BlankSpotGDAL
import Foundation
import Testing
import TestSupport

@Suite struct GeoTIFFWriterTests {
    /// What `gdalinfo -json` (an independent reader) sees in a written product.
    @Test func writtenGeoTIFFCarriesCRSNodataOverviewsAndDescriptions() throws {
        let crs = try AnalysisCRS(userInput: "EPSG:32750")
        let grid = GridGeometry(originXM: 300_000, originYM: 9_700_000, cellSizeM: 30, width: 1500, height: 1100, crsWKT: crs.wkt)
        let values = GridBuffer<Float>(count: grid.cellCount, repeating: -95.5)
        values[0] = -9999
        let product = RasterProduct(
            pixels: .float32(values), description: "best signal", unit: "dBm", nodata: -9999,
            overviewResampling: .average, bandMetadata: ["QUANTITY": "RSRP"], datasetMetadata: ["BLANKSPOT_MODEL": "test"])
        let dir = TemporaryDirectory()
        let path = dir.file("signal.tif")
        try GeoTIFFWriter.write(product, grid: grid, to: path)
        let r = try ExternalTool.run("gdalinfo", ["-json", path])
        #expect(r.status == 0)
        let info = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let wkt = (info["coordinateSystem"] as! [String: Any])["wkt"] as! String
        #expect(wkt.contains("UTM zone 50S"))
        #expect(info["size"] as! [Int] == [1500, 1100])
        let gt = info["geoTransform"] as! [Double]
        #expect(gt == [300_000, 30, 0, 9_700_000, 0, -30])
        let band = (info["bands"] as! [[String: Any]])[0]
        #expect(band["type"] as? String == "Float32")
        #expect(band["noDataValue"] as? Double == -9999)
        #expect(band["description"] as? String == "best signal")
        #expect(band["unit"] as? String == "dBm")
        #expect((band["overviews"] as? [Any])?.isEmpty == false)
        #expect(band["block"] as? [Int] == [512, 512])
        let md = ((info["metadata"] as! [String: Any])[""] as! [String: String])
        #expect(md["BLANKSPOT_MODEL"] == "test")
        let structure = ((info["metadata"] as! [String: Any])["IMAGE_STRUCTURE"] as! [String: String])
        #expect(structure["COMPRESSION"] == "DEFLATE")
        // Read back through GDAL: values survive.
        let back = try RasterReader.read(path: path)
        #expect(back.values[1] == -95.5 && back.values[0].isNaN)
    }

    /// The overviews blankspot computes itself, against GDAL's own resampling of the same
    /// full-resolution pixels (`gdal_translate -outsize 50% 50% -r average|mode|nearest` on the
    /// written file, an independent implementation): level 1 must match pixel for pixel. The
    /// raster has an even size, random values and nodata holes, so every 2×2 block is whole.
    @Test(arguments: ["average", "mode"]) func firstOverviewMatchesGDALResampling(_ rule: String) throws {
        let crs = try AnalysisCRS(userInput: "EPSG:32750")
        let grid = GridGeometry(originXM: 300_000, originYM: 9_700_000, cellSizeM: 30, width: 1400, height: 1200, crsWKT: crs.wkt)
        var rng = SplitMix64(seed: 7)
        let dir = TemporaryDirectory()
        let path = dir.file("\(rule).tif")
        if rule == "average" {
            // Multiples of 1/4 dB, so that the four-value means are exact in Float32 either way.
            let values = GridBuffer<Float>(count: grid.cellCount, threads: 1) { _ in
                let u = rng.nextUnit()
                return u < 0.1 ? -9999 : Float(-140 + (u * 320).rounded(.down) / 4)
            }
            try GeoTIFFWriter.write(RasterProduct(pixels: .float32(values), description: "s", unit: "dBm", nodata: -9999,
                                                  overviewResampling: .average), grid: grid, to: path, threads: 2)
        } else {
            let values = GridBuffer<UInt8>(count: grid.cellCount, threads: 1) { _ in Self.modeClass(rng.nextUnit()) }
            try GeoTIFFWriter.write(RasterProduct(pixels: .byte(values), description: "c", unit: "", nodata: 255,
                                                  overviewResampling: .mode), grid: grid, to: path, threads: 2)
        }
        let ours = dir.file("ours.tif"), theirs = dir.file("theirs.tif")
        #expect(try ExternalTool.run("gdal_translate", ["-q", "-oo", "OVERVIEW_LEVEL=0", path, ours]).status == 0)
        #expect(try ExternalTool.run("gdal_translate", ["-q", "-outsize", "50%", "50%", "-r", rule, "-oo", "OVERVIEW_LEVEL=NONE", path, theirs]).status == 0)
        let a = try RasterReader.read(path: ours), b = try RasterReader.read(path: theirs)
        #expect(a.grid.width == 700 && b.grid.width == 700 && a.values.count == b.values.count)
        if rule == "average" {
            let differ = a.values.indices.filter { a.values[$0] != b.values[$0] && !(a.values[$0].isNaN && b.values[$0].isNaN) }
            #expect(differ.isEmpty, "\(differ.count) of \(a.values.count) overview pixels differ from GDAL's average")
        } else {
            // A 2×2 block can have two equally frequent values; the implementations may break
            // such ties differently. Every block with a unique most frequent value must agree.
            let tied = Self.tiedBlocks(rng: SplitMix64(seed: 7), grid: grid)
            let differ = a.values.indices.filter { !tied.contains($0) && a.values[$0] != b.values[$0] && !(a.values[$0].isNaN && b.values[$0].isNaN) }
            #expect(differ.isEmpty, "\(differ.count) untied blocks differ from GDAL's mode")
            #expect(tied.count < a.values.count / 4)
        }
    }

    /// Level-1 pixels of the mode raster whose 2×2 block has no unique most frequent value.
    static func tiedBlocks(rng start: SplitMix64, grid: GridGeometry) -> Set<Int> {
        var rng = start
        let v = (0..<grid.cellCount).map { _ in modeClass(rng.nextUnit()) }
        var tied = Set<Int>()
        for j in 0..<(grid.height / 2) {
            for i in 0..<(grid.width / 2) {
                let block = [v[2 * j * grid.width + 2 * i], v[2 * j * grid.width + 2 * i + 1],
                             v[(2 * j + 1) * grid.width + 2 * i], v[(2 * j + 1) * grid.width + 2 * i + 1]].filter { $0 != 255 }
                let counts = Dictionary(grouping: block, by: { $0 }).mapValues(\.count)
                let top = counts.values.max() ?? 0
                if counts.values.filter({ $0 == top }).count > 1 { tied.insert(j * (grid.width / 2) + i) }
            }
        }
        return tied
    }

    /// Class 0 most of the time (as blank areas are), 1–3 otherwise, 5 % nodata.
    static func modeClass(_ u: Double) -> UInt8 {
        u < 0.05 ? 255 : (u < 0.6 ? 0 : UInt8(1 + (u - 0.6) / 0.4 * 3))
    }
}
