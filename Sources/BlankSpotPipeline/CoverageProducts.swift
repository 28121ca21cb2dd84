import BlankSpotCore
import BlankSpotGDAL

/// Turns the engine's grids into the rasters of DESIGN.md §5.
enum CoverageProducts {
    static let noTerrainClass: UInt8 = 255

    /// Line-of-sight products: server_count, coverage (0 none / 1 visible), best_server
    /// (nearest visible tower).
    static func lineOfSight(_ grids: CoverageGrids, terrain: TerrainRaster,
                            metadata: [String: String]) -> [(file: String, product: RasterProduct)] {
        let n = grids.grid.cellCount
        let count = grids.serverCount.copy()
        let classes = GridBuffer<UInt8>(count: n, repeating: 0)
        let best = grids.bestIndex.copy()
        for i in 0..<n {
            if terrain.heightsM[i].isNaN {
                count[i] = .max
                classes[i] = noTerrainClass
                best[i] = -1
            } else {
                classes[i] = count[i] > 0 ? 1 : 0
            }
        }
        return [
            ("server_count.tif", RasterProduct(
                pixels: .uint16(count), description: "towers with line of sight", unit: "count",
                nodata: Double(UInt16.max), overviewResampling: .nearest,
                bandMetadata: ["MEANING": "number of towers whose antenna sees a receiver at rx_height_m above the ground of the cell"],
                datasetMetadata: metadata)),
            ("coverage.tif", RasterProduct(
                pixels: .byte(classes), description: "line-of-sight coverage class", unit: "",
                nodata: Double(noTerrainClass), overviewResampling: .mode,
                bandMetadata: ["CLASS_0": "no line of sight to any tower (blank)", "CLASS_1": "line of sight to at least one tower"],
                datasetMetadata: metadata,
                colorTable: [
                    .init(value: 0, rgba: (215, 48, 39, 255)),
                    .init(value: 1, rgba: (26, 152, 80, 255)),
                ],
                categoryNames: ["no line of sight (blank)", "visible from a tower"])),
            ("best_server.tif", RasterProduct(
                pixels: .int32(best), description: "nearest tower with line of sight (row in towers.csv)", unit: "tower index",
                nodata: -1, overviewResampling: .nearest,
                bandMetadata: ["MEANING": "0-based index into towers.csv of the nearest visible tower; -1 = none (also nodata)"],
                datasetMetadata: metadata)),
        ]
    }

    /// Service classes of coverage.tif for signal models: the best server's margin over its
    /// technology threshold. 10 dB steps stand for the extra loss of being in a vehicle or
    /// behind a wall (vehicle penetration is commonly taken as 6–10 dB; ITU-R P.2109 gives
    /// median building entry losses of roughly 10–20 dB for traditional buildings at 1–2 GHz).
    static let classNames = [
        "no service (blank): below the threshold",
        "marginal: 0–10 dB above the threshold (outdoor)",
        "good: 10–20 dB above (in vehicles, light indoor)",
        "strong: 20 dB or more above (indoor)",
    ]
    static let classColors: [RasterProduct.ColorEntry] = [
        .init(value: 0, rgba: (215, 48, 39, 255)),
        .init(value: 1, rgba: (253, 174, 97, 255)),
        .init(value: 2, rgba: (166, 217, 106, 255)),
        .init(value: 3, rgba: (26, 152, 80, 255)),
    ]
    static let signalNodata: Float = -9999

    /// The class of a margin (dB over the threshold).
    @inline(__always)
    static func serviceClass(marginDB m: Float) -> UInt8 {
        m < 0 ? 0 : (m < 10 ? 1 : (m < 20 ? 2 : 3))
    }

    /// Signal products: signal_dbm (best server's received power), best_server (largest margin),
    /// server_count (towers at or above their threshold), coverage (service classes).
    static func signal(_ grids: CoverageGrids, terrain: TerrainRaster, thresholdDBmByTower: [Float],
                       metadata: [String: String], threads: Int) -> [(file: String, product: RasterProduct)] {
        let n = grids.grid.cellCount
        let signal = GridBuffer<Float>(count: n, repeating: signalNodata)
        let count = grids.serverCount.copy()
        let classes = GridBuffer<UInt8>(count: n, repeating: 0)
        let best = grids.bestIndex.copy()
        let chunk = 1 << 16
        ParallelLoop.run(count: (n + chunk - 1) / chunk, threads: threads) { c, _ in
            for i in (c * chunk)..<min(n, (c + 1) * chunk) {
                if terrain.heightsM[i].isNaN {
                    count[i] = .max
                    classes[i] = noTerrainClass
                    best[i] = -1
                    continue
                }
                let b = grids.bestIndex[i]
                guard b >= 0 else { continue }   // no tower reaches: signal stays nodata, class 0
                let margin = grids.bestValue[i]
                signal[i] = margin + thresholdDBmByTower[Int(b)]
                classes[i] = serviceClass(marginDB: margin)
            }
        }
        return [
            ("signal_dbm.tif", RasterProduct(
                pixels: .float32(signal), description: "best received signal", unit: "dBm",
                nodata: Double(signalNodata), overviewResampling: .average,
                bandMetadata: ["MEANING": "received power of the best server (largest margin over its technology threshold): 2G BCCH RxLev, 3G CPICH RSCP, 4G RSRP, 5G SS-RSRP; nodata where no tower reaches"],
                datasetMetadata: metadata)),
            ("best_server.tif", RasterProduct(
                pixels: .int32(best), description: "best server (row in towers.csv)", unit: "tower index",
                nodata: -1, overviewResampling: .nearest,
                bandMetadata: ["MEANING": "0-based index into towers.csv of the tower with the largest margin over its threshold; -1 = none (also nodata)"],
                datasetMetadata: metadata)),
            ("server_count.tif", RasterProduct(
                pixels: .uint16(count), description: "towers at or above their threshold", unit: "count",
                nodata: Double(UInt16.max), overviewResampling: .nearest,
                bandMetadata: ["MEANING": "number of towers whose received signal reaches their technology's threshold"],
                datasetMetadata: metadata)),
            ("coverage.tif", RasterProduct(
                pixels: .byte(classes), description: "service class", unit: "",
                nodata: Double(noTerrainClass), overviewResampling: .mode,
                bandMetadata: Dictionary(uniqueKeysWithValues: classNames.enumerated().map { ("CLASS_\($0.offset)", $0.element) }),
                datasetMetadata: metadata, colorTable: classColors, categoryNames: classNames)),
        ]
    }
}
