import CGDAL
import BlankSpotCore
import Foundation

/// What was loaded and how, for run.json and the user.
public struct TerrainReport: Sendable, Codable {
    public struct Source: Sendable, Codable {
        public var path: String
        public var driver: String
        public var widthPx: Int
        public var heightPx: Int
        public var crs: String
        public var nativeCellSizeM: Double
    }
    public var sources: [Source]
    /// "warped (bilinear)" or "read directly (DEM already on the analysis grid)".
    public var method: String
    public var crs: String
    public var cellSizeM: Double
    /// "DEM native" or "--resolution-m".
    public var cellSizeFrom: String
    public var validCells: Int
    public var totalCells: Int
}

/// A set of opened DEM files.
public final class DEMSet: @unchecked Sendable {
    let sources: [DEMSource]
    public var paths: [String] { sources.map(\.userPath) }

    /// Opens every DEM; throws ``InputError`` naming the first that cannot be used.
    public init(paths: [String]) throws {
        guard !paths.isEmpty else { throw UsageError("give at least one DEM with --dem") }
        sources = try paths.map { try DEMSource(path: $0) }
    }

    /// Longitude/latitude boxes (WGS 84) of the DEMs.
    public func lonLatBounds() throws -> [(minLon: Double, minLat: Double, maxLon: Double, maxLat: Double)] {
        let wgs84 = SpatialReference.wgs84()
        return try sources.map { s in
            let t = try CoordinateTransform(from: s.reference, to: wgs84)
            let e = s.nativeExtent
            guard let b = t.transformBounds(minX: e.minX, minY: e.minY, maxX: e.maxX, maxY: e.maxY) else {
                throw InputError(file: s.userPath, message: "its extent cannot be expressed in longitude/latitude: \(GDALRuntime.lastErrorMessage())")
            }
            return (b.minX, b.minY, b.maxX, b.maxY)
        }
    }

    /// Distance from a point to a longitude/latitude box, km (0 inside), on a sphere of the
    /// WGS 84 mean radius: accurate enough to tell a user how far a tower lies off the DEM.
    public static func approximateDistanceKm(lonDeg: Double, latDeg: Double,
                                             box: (minLon: Double, minLat: Double, maxLon: Double, maxLat: Double)) -> Double {
        let lon = min(max(lonDeg, box.minLon), box.maxLon), lat = min(max(latDeg, box.minLat), box.maxLat)
        let rad = Double.pi / 180
        let a = pow(sin((latDeg - lat) * rad / 2), 2) + cos(latDeg * rad) * cos(lat * rad) * pow(sin((lonDeg - lon) * rad / 2), 2)
        return 2 * 6371.0088 * asin(min(1, a.squareRoot()))
    }

    /// For each point, whether it lies inside some DEM's longitude/latitude box. The boxes are
    /// worked out once for all points (each costs a PROJ transformation: 0.1 ms a box, which
    /// asked per tower made 2,000 towers take 0.25 s before any terrain was read).
    public func covers(_ points: [(lonDeg: Double, latDeg: Double)]) throws -> [Bool] {
        let boxes = try lonLatBounds()
        return points.map { p in
            boxes.contains { p.lonDeg >= $0.minLon && p.lonDeg <= $0.maxLon && p.latDeg >= $0.minLat && p.latDeg <= $0.maxLat }
        }
    }
}

/// Reads one or more DEMs onto the analysis grid.
public enum TerrainLoader {
    /// Loads the terrain covering `area`.
    ///
    /// The grid is in `crs`, with cells of `resolutionM` (default: the finest native cell size
    /// among the DEMs) aligned to multiples of the cell size, covering `area` clipped to the
    /// DEMs' footprint. When there is a single DEM already in `crs` at that cell size, its own
    /// pixel grid is used and the heights are read directly; otherwise all DEMs are mosaicked
    /// and warped once with bilinear resampling. DEM nodata becomes nan.
    ///
    /// A warp runs on `threads` threads (GDAL's NUM_THREADS; every output cell is interpolated
    /// the same way whatever the count, so the heights do not depend on it).
    ///
    /// - Throws: ``InputError`` naming the DEM at fault; ``UsageError`` when the area lies
    ///   outside every DEM.
    public static func load(demPaths: [String], crs: AnalysisCRS, area: ProjectedExtent,
                            resolutionM: Double?, threads: Int = 1) throws -> (TerrainRaster, TerrainReport) {
        try load(dems: DEMSet(paths: demPaths), crs: crs, area: area, resolutionM: resolutionM, threads: threads)
    }

    /// - Parameter memoryCheck: called with the planned grid before any grid-sized allocation;
    ///   it throws to refuse a run that would not fit.
    public static func load(dems: DEMSet, crs: AnalysisCRS, area: ProjectedExtent,
                            resolutionM: Double?, threads: Int = 1,
                            memoryCheck: ((GridGeometry) throws -> Void)? = nil) throws -> (TerrainRaster, TerrainReport) {
        if let r = resolutionM, !(r.isFinite && r > 0) {
            throw UsageError("--resolution-m must be greater than 0, got \(r)")
        }
        let sources = dems.sources
        let demPaths = dems.paths
        let cellSizeM = resolutionM ?? sources.map { $0.nativeCellSizeM() }.min()!
        guard cellSizeM.isFinite, cellSizeM > 0 else {
            throw InputError(file: demPaths.joined(separator: ", "), message: "could not derive a cell size from the DEMs' georeferencing; give --resolution-m")
        }

        // The DEMs' footprint in the analysis CRS.
        var footprint: ProjectedExtent?
        for s in sources {
            let t = try CoordinateTransform(from: s.reference, to: crs.reference)
            let e = s.nativeExtent
            guard let b = t.transformBounds(minX: e.minX, minY: e.minY, maxX: e.maxX, maxY: e.maxY) else {
                throw InputError(file: s.userPath, message: "its extent cannot be transformed to \(crs.label): \(GDALRuntime.lastErrorMessage())")
            }
            let be = ProjectedExtent(minXM: b.minX, minYM: b.minY, maxXM: b.maxX, maxYM: b.maxY)
            footprint = footprint.map { $0.union(be) } ?? be
        }
        guard let clipped = footprint.flatMap({ area.intersection($0) }) else {
            throw InputError(file: demPaths.joined(separator: ", "), message: "the area to analyse (the towers' discs) lies outside every DEM given; expected DEMs covering the towers")
        }

        try memoryCheck?(AnalysisGridPlanner.alignedGrid(covering: clipped, cellSizeM: cellSizeM, crsWKT: crs.wkt))
        let report: (String, TerrainRaster)
        if sources.count == 1, let direct = try readDirect(sources[0], crs: crs, area: clipped, cellSizeM: cellSizeM) {
            report = ("read directly (DEM already on the analysis grid)", direct)
        } else {
            let grid = AnalysisGridPlanner.alignedGrid(covering: clipped, cellSizeM: cellSizeM, crsWKT: crs.wkt)
            report = ("warped (bilinear)", try warp(sources, onto: grid, threads: threads))
        }
        let terrain = report.1
        let info = TerrainReport(
            sources: sources.map {
                .init(path: $0.userPath, driver: $0.driver, widthPx: $0.width, heightPx: $0.height,
                      crs: $0.reference.label, nativeCellSizeM: $0.nativeCellSizeM())
            },
            method: report.0, crs: crs.label, cellSizeM: cellSizeM,
            cellSizeFrom: resolutionM == nil ? "DEM native" : "--resolution-m",
            validCells: terrain.validCellCount, totalCells: terrain.grid.cellCount)
        guard info.validCells > 0 else {
            throw InputError(file: demPaths.joined(separator: ", "), message: "the DEMs hold no height (only nodata) over the area to analyse; expected heights in metres around the towers")
        }
        return (terrain, info)
    }

    /// The terrain on exactly `grid` (e.g. a coverage folder's grid, to re-evaluate paths on
    /// the terrain the coverage saw): read directly when a single DEM already has that pixel
    /// grid, otherwise mosaicked and warped (bilinear) as ``load(dems:crs:area:resolutionM:)``.
    public static func load(demPaths: [String], onto grid: GridGeometry, threads: Int = 1) throws -> TerrainRaster {
        let dems = try DEMSet(paths: demPaths)
        let crs = try AnalysisCRS(userInput: grid.crsWKT)
        let extent = ProjectedExtent(minXM: grid.originXM, minYM: grid.originYM - Double(grid.height) * grid.cellSizeM,
                                     maxXM: grid.originXM + Double(grid.width) * grid.cellSizeM, maxYM: grid.originYM)
        if dems.sources.count == 1, let direct = try readDirect(dems.sources[0], crs: crs, area: extent, cellSizeM: grid.cellSizeM),
           direct.grid.width == grid.width, direct.grid.height == grid.height,
           abs(direct.grid.originXM - grid.originXM) < 1e-6 * grid.cellSizeM, abs(direct.grid.originYM - grid.originYM) < 1e-6 * grid.cellSizeM {
            return direct
        }
        return try warp(dems.sources, onto: grid, threads: threads)
    }

    /// Reads a window of a DEM that is already in the analysis CRS with square cells of
    /// `cellSizeM`; nil when it is not.
    static func readDirect(_ source: DEMSource, crs: AnalysisCRS, area: ProjectedExtent, cellSizeM: Double) throws -> TerrainRaster? {
        let gt = source.geoTransform
        let unit = source.reference.linearUnitsM
        guard source.reference.isProjected, source.reference.isSame(as: crs.reference), unit == 1,
              abs(gt[1] - cellSizeM) <= 1e-9 * cellSizeM, abs(-gt[5] - cellSizeM) <= 1e-9 * cellSizeM else { return nil }
        let c0 = max(0, Int(((area.minXM - gt[0]) / gt[1]).rounded(.down)))
        let c1 = min(source.width, Int(((area.maxXM - gt[0]) / gt[1]).rounded(.up)))
        let r0 = max(0, Int(((area.maxYM - gt[3]) / gt[5]).rounded(.down)))
        let r1 = min(source.height, Int(((area.minYM - gt[3]) / gt[5]).rounded(.up)))
        guard c1 > c0, r1 > r0 else { return nil }
        let grid = GridGeometry(originXM: gt[0] + Double(c0) * gt[1], originYM: gt[3] + Double(r0) * gt[5],
                                cellSizeM: cellSizeM, width: c1 - c0, height: r1 - r0, crsWKT: crs.wkt)
        let band = GDALGetRasterBand(source.dataset.handle, 1)
        let heights: [Float] = try HugePageArray.make(count: grid.cellCount) { buffer in
            let err = GDALRasterIO(band, GF_Read, Int32(c0), Int32(r0), Int32(grid.width), Int32(grid.height),
                                   buffer.baseAddress, Int32(grid.width), Int32(grid.height), GDT_Float32, 0, 0)
            guard err == CE_None else { throw GDALRuntime.failure("read its heights", path: source.userPath) }
            if let nd = source.nodata {
                let ndf = Float(nd)
                for i in buffer.indices where buffer[i] == ndf { buffer[i] = .nan }
            }
        }
        return TerrainRaster(grid: grid, heightsM: heights)
    }

    /// Mosaics and warps all sources onto `grid` (bilinear; nodata → nan) with GDALWarp,
    /// writing straight into the terrain buffer through a MEM dataset over it. Sources sharing a
    /// CRS are first joined into one virtual mosaic (GDALBuildVRT), so bilinear interpolation
    /// across a seam between tiles sees both sides; warping tiles one by one would leave a
    /// seam of edge-effect cells.
    static func warp(_ sources: [DEMSource], onto grid: GridGeometry, threads: Int = 1) throws -> TerrainRaster {
        var mosaics: [GDALDatasetHandle] = []
        var groups: [[DEMSource]] = []
        for s in sources {
            if let g = groups.firstIndex(where: { $0[0].reference.isSame(as: s.reference) }) {
                groups[g].append(s)
            } else {
                groups.append([s])
            }
        }
        for group in groups where group.count > 1 {
            mosaics.append(try buildMosaic(group))
        }
        let inputs = groups.filter { $0.count == 1 }.map { $0[0].dataset } + mosaics
        return try warp(datasets: inputs, names: sources.map(\.userPath), onto: grid, threads: threads)
    }

    /// One in-memory VRT over sources with the same CRS.
    static func buildMosaic(_ group: [DEMSource]) throws -> GDALDatasetHandle {
        let args = CStringList(["-resolution", "highest"])
        guard let options = GDALBuildVRTOptionsNew(args.pointer, nil) else { throw GDALRuntime.failure("set up the DEM mosaic") }
        defer { GDALBuildVRTOptionsFree(options) }
        var handles: [GDALDatasetH?] = group.map { $0.dataset.handle }
        var usageError: Int32 = 0
        let vrt = handles.withUnsafeMutableBufferPointer {
            GDALBuildVRT("", Int32(group.count), $0.baseAddress, nil, options, &usageError)
        }
        guard let vrt else {
            throw GDALRuntime.failure("mosaic the DEMs", path: group.map(\.userPath).joined(separator: ", "))
        }
        return GDALDatasetHandle(handle: vrt, path: "mosaic of " + group.map(\.userPath).joined(separator: ", "))
    }

    static func warp(datasets: [GDALDatasetHandle], names: [String], onto grid: GridGeometry, threads: Int = 1) throws -> TerrainRaster {
        // Starts as nan everywhere (no data), then the warp writes every cell it can reach.
        let heights: [Float] = try HugePageArray.make(count: grid.cellCount) { buffer in
            buffer.initialize(repeating: .nan)
            let address = UInt(bitPattern: buffer.baseAddress)
            let memPath = "MEM:::DATAPOINTER=\(address),PIXELS=\(grid.width),LINES=\(grid.height),BANDS=1,DATATYPE=Float32"
            guard let dst = GDALOpen(memPath, GA_Update) else { throw GDALRuntime.failure("create the in-memory terrain grid") }
            defer { GDALClose(dst) }
            var gt = grid.geoTransform
            GDALSetGeoTransform(dst, &gt)
            GDALSetProjection(dst, grid.crsWKT)
            GDALSetRasterNoDataValue(GDALGetRasterBand(dst, 1), .nan)
            let args = CStringList(["-r", "bilinear", "-wo", "INIT_DEST=NO_DATA", "-wo", "NUM_THREADS=\(max(1, threads))", "-wm", "512", "-q"])
            guard let options = GDALWarpAppOptionsNew(args.pointer, nil) else { throw GDALRuntime.failure("set up the DEM warp") }
            defer { GDALWarpAppOptionsFree(options) }
            var handles: [GDALDatasetH?] = datasets.map { $0.handle }
            var usageError: Int32 = 0
            let result = handles.withUnsafeMutableBufferPointer { h in
                GDALWarp(nil, dst, Int32(datasets.count), h.baseAddress, options, &usageError)
            }
            guard result != nil else {
                throw GDALRuntime.failure("warp the DEM onto the analysis grid", path: names.joined(separator: ", "))
            }
        }
        return TerrainRaster(grid: grid, heightsM: heights)
    }
}
