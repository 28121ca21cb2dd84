import BlankSpotCore
import BlankSpotGDAL

/// Turns the engine's grids into the rasters of DESIGN.md §5.
enum CoverageProducts {
    static let noTerrainClass: UInt8 = 255

    /// best_server's pixels: Int16 when every tower index fits (at most 32,767 towers, a
    /// province's worth), which halves what has to be compressed and stored; Int32 beyond.
    /// −1 (none, and nodata) either way.
    static func bestServerPixels(count n: Int, towerCount: Int, threads: Int, index: (Int) -> Int32) -> RasterProduct.Pixels {
        if towerCount <= Int(Int16.max) {
            return .int16(GridBuffer<Int16>(count: n, threads: threads) { Int16(truncatingIfNeeded: index($0)) })
        }
        return .int32(GridBuffer<Int32>(count: n, threads: threads, element: index))
    }

    /// server_count's pixels and nodata: Byte (nodata 255) when no cell can count more than 254
    /// towers, which halves what has to be compressed; UInt16 (nodata 65535, counts capped at
    /// 65,534) beyond. `count(i)` = nil where there is no terrain.
    static func serverCountPixels(count n: Int, towerCount: Int, threads: Int, count: (Int) -> UInt16?) -> (RasterProduct.Pixels, Double) {
        if towerCount < Int(UInt8.max) {
            return (.byte(GridBuffer<UInt8>(count: n, threads: threads) { count($0).map { UInt8(truncatingIfNeeded: $0) } ?? .max }), Double(UInt8.max))
        }
        return (.uint16(GridBuffer<UInt16>(count: n, threads: threads) { count($0).map { min($0, .max - 1) } ?? .max }), Double(UInt16.max))
    }

    /// Line-of-sight products: server_count, coverage (0 none / 1 visible), best_server
    /// (nearest visible tower).
    static func lineOfSight(_ grids: CoverageGrids, terrain: TerrainRaster, towerCount: Int,
                            metadata: [String: String], threads: Int) -> [(file: String, product: RasterProduct)] {
        let n = grids.grid.cellCount
        let heights = terrain.heightsM
        let (count, countNodata) = heights.withUnsafeBufferPointer { h in
            serverCountPixels(count: n, towerCount: towerCount, threads: threads) { h[$0].isNaN ? nil : grids.serverCount[$0] }
        }
        let classes = heights.withUnsafeBufferPointer { h in
            GridBuffer<UInt8>(count: n, threads: threads) { h[$0].isNaN ? noTerrainClass : (grids.serverCount[$0] > 0 ? 1 : 0) }
        }
        let best = heights.withUnsafeBufferPointer { h in
            bestServerPixels(count: n, towerCount: towerCount, threads: threads) { h[$0].isNaN ? -1 : grids.bestIndex[$0] }
        }
        return [
            ("server_count.tif", RasterProduct(
                pixels: count, description: "towers with line of sight", unit: "count",
                nodata: countNodata, overviewResampling: .nearest,
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
                pixels: best, description: "nearest tower with line of sight (row in towers.csv)", unit: "tower index",
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
        guard let margins = grids.bestValue else { preconditionFailure("signal models keep a best value per cell") }
        let (count, classes, best, signal) = terrain.heightsM.withUnsafeBufferPointer { h in
            // No terrain: nodata everywhere; no tower reaches (best −1): signal nodata, class 0.
            (serverCountPixels(count: n, towerCount: thresholdDBmByTower.count, threads: threads) { h[$0].isNaN ? nil : grids.serverCount[$0] },
             GridBuffer<UInt8>(count: n, threads: threads) { i in
                 h[i].isNaN ? noTerrainClass : (grids.bestIndex[i] < 0 ? 0 : serviceClass(marginDB: margins[i]))
             },
             bestServerPixels(count: n, towerCount: thresholdDBmByTower.count, threads: threads) { h[$0].isNaN ? -1 : grids.bestIndex[$0] },
             GridBuffer<Float>(count: n, threads: threads) { i in
                 let b = grids.bestIndex[i]
                 return h[i].isNaN || b < 0 ? signalNodata : margins[i] + thresholdDBmByTower[Int(b)]
             })
        }
        return [
            ("signal_dbm.tif", RasterProduct(
                pixels: .float32(signal), description: "best received signal", unit: "dBm",
                nodata: Double(signalNodata), overviewResampling: .average,
                bandMetadata: ["MEANING": "received power of the best server (largest margin over its technology threshold): 2G BCCH RxLev, 3G CPICH RSCP, 4G RSRP, 5G SS-RSRP; nodata where no tower reaches"],
                datasetMetadata: metadata)),
            ("best_server.tif", RasterProduct(
                pixels: best, description: "best server (row in towers.csv)", unit: "tower index",
                nodata: -1, overviewResampling: .nearest,
                bandMetadata: ["MEANING": "0-based index into towers.csv of the tower with the largest margin over its threshold; -1 = none (also nodata)"],
                datasetMetadata: metadata)),
            ("server_count.tif", RasterProduct(
                pixels: count.0, description: "towers at or above their threshold", unit: "count",
                nodata: count.1, overviewResampling: .nearest,
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
