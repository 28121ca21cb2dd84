import CGDAL
import BlankSpotCore
import Foundation

/// Village polygons read from any OGR layer: attributes, geometries (kept in this module), and
/// what could not be used.
public final class VillageLayer: @unchecked Sendable {
    public struct Record: Sendable {
        public var id: String
        public var name: String
        public var region: String
        /// The district (kecamatan) when the layer has one, else "".
        public var district: String
        public var population: Double?
        /// Where it came from, e.g. "villages.geojson feature 17".
        public var origin: String
    }

    public struct Skipped: Sendable {
        public var id: String
        public var name: String
        public var origin: String
        public var reason: String
    }

    /// The fields used, as found in the layer.
    public struct Fields: Sendable, Codable {
        public var id: String
        public var name: String
        public var population: String?
        public var region: String?
        public var district: String?
    }

    public let path: String
    public let records: [Record]
    public private(set) var skipped: [Skipped]
    public let fields: Fields
    /// Repaired geometries (by record), for the report.
    public let repaired: [String]
    /// Geometries in the layer's own CRS (owned; destroyed on deinit).
    private let geometries: [OGRGeometryH]
    private let layerCRS: SpatialReference

    public static let idNames = ["kode", "id", "code", "village_id", "kode_desa", "kd_desa", "iddesa", "desa_id", "fid"]
    public static let nameNames = ["nama", "name", "desa", "village", "nama_desa", "village_name"]
    public static let populationNames = ["population", "penduduk", "jumlah_penduduk", "pop", "jiwa", "penduduk_total", "penduduk_estimasi"]
    public static let regionNames = ["nama_kab", "kabupaten", "kab_kota", "regency", "kabkota"]
    public static let districtNames = ["nama_kec", "kecamatan", "district"]

    /// Reads a polygon layer. Field options override the detection among the names above.
    /// Invalid geometries are repaired (GEOS MakeValid); those that cannot be, empty ones and
    /// non-polygons are skipped with the reason.
    public init(path: String, idField: String?, nameField: String?, populationField: String?, regionField: String? = nil) throws {
        self.path = path
        guard FileManager.default.fileExists(atPath: path) || path.hasPrefix("/vsi") else {
            throw InputError(file: path, message: "no such file; expected a polygon layer of villages (GeoJSON, GeoPackage, Shapefile, …)")
        }
        let ds: GDALDatasetHandle
        do { ds = try GDALDatasetHandle.open(path, vector: true) } catch let e as GDALFailure {
            throw InputError(file: path, message: "not a vector dataset GDAL can open (\(e.gdalMessage)); expected a polygon layer of villages")
        }
        guard GDALDatasetGetLayerCount(ds.handle) >= 1, let layer = GDALDatasetGetLayer(ds.handle, 0) else {
            throw InputError(file: path, message: "the dataset has no layer; expected village polygons")
        }
        guard OGR_L_GetFeatureCount(layer, 1) != 0 else {
            throw InputError(file: path, message: "no usable village polygon: the layer has no features; expected village polygons")
        }
        let definition = OGR_L_GetLayerDefn(layer)
        var names: [String] = []
        for i in 0..<OGR_FD_GetFieldCount(definition) {
            names.append(String(cString: OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(definition, i))))
        }
        func find(_ given: String?, _ candidates: [String], _ option: String, required: Bool) throws -> Int32? {
            if let given {
                guard let i = names.firstIndex(where: { $0.lowercased() == given.lowercased() }) else {
                    throw InputError(file: path, field: given, message: "\(option) names a field the layer does not have; fields: \(names.joined(separator: ", "))")
                }
                return Int32(i)
            }
            for c in candidates {
                if let i = names.firstIndex(where: { $0.lowercased() == c }) { return Int32(i) }
            }
            if required {
                let what = option.dropFirst(2).replacingOccurrences(of: "-field", with: "")
                throw InputError(file: path, field: what, message: "no \(what) field among the layer's fields (\(names.isEmpty ? "none" : names.joined(separator: ", "))); expected one named \(candidates.prefix(4).joined(separator: ", ")), …, or name it with \(option)")
            }
            return nil
        }
        let idIndex = try find(idField, Self.idNames, "--id-field", required: true)!
        let nameIndex = try find(nameField, Self.nameNames, "--name-field", required: true)!
        let popIndex = try find(populationField, Self.populationNames, "--population-field", required: false)
        let regionIndex = try find(regionField, Self.regionNames, "--region-field", required: false)
        let districtIndex = try find(nil, Self.districtNames, "--district-field", required: false)
        fields = Fields(id: names[Int(idIndex)], name: names[Int(nameIndex)], population: popIndex.map { names[Int($0)] },
                        region: regionIndex.map { names[Int($0)] }, district: districtIndex.map { names[Int($0)] })
        guard let crs = SpatialReference.copying(OGR_L_GetSpatialRef(layer)) else {
            throw InputError(file: path, message: "the layer has no coordinate reference system; expected georeferenced polygons")
        }
        layerCRS = crs

        var records: [Record] = [], geoms: [OGRGeometryH] = [], skipped: [Skipped] = [], repaired: [String] = []
        var seen: [String: String] = [:]
        OGR_L_ResetReading(layer)
        while let feature = OGR_L_GetNextFeature(layer) {
            defer { OGR_F_Destroy(feature) }
            let fid = OGR_F_GetFID(feature)
            let origin = "\((path as NSString).lastPathComponent) feature \(fid)"
            func text(_ i: Int32) -> String {
                OGR_F_IsFieldSetAndNotNull(feature, i) != 0 ? String(cString: OGR_F_GetFieldAsString(feature, i)).trimmingSpaces() : ""
            }
            let id = text(idIndex), name = text(nameIndex)
            guard !id.isEmpty else {
                throw InputError(file: path, location: "feature \(fid)", field: fields.id, message: "expected a village id, found none")
            }
            if let first = seen[id] {
                throw InputError(file: path, location: "feature \(fid)", field: fields.id, message: "id '\(id)' is already used by \(first); ids must be unique")
            }
            seen[id] = "feature \(fid)"
            var population: Double?
            if let popIndex, OGR_F_IsFieldSetAndNotNull(feature, popIndex) != 0 {
                let t = text(popIndex)
                guard let v = Double(t), v.isFinite, v >= 0 else {
                    throw InputError(file: path, location: "feature \(fid)", field: fields.population ?? "", message: "expected a population (a number ≥ 0), got '\(t)'")
                }
                population = v
            }
            guard let g0 = OGR_F_GetGeometryRef(feature), OGR_G_IsEmpty(g0) == 0 else {
                skipped.append(Skipped(id: id, name: name, origin: origin, reason: "no geometry"))
                continue
            }
            let type = OGR_GT_Flatten(OGR_G_GetGeometryType(g0))
            guard type == wkbPolygon || type == wkbMultiPolygon else {
                skipped.append(Skipped(id: id, name: name, origin: origin, reason: "not a polygon (\(String(cString: OGR_G_GetGeometryName(g0))))"))
                continue
            }
            var g = OGR_G_Clone(g0)!
            if OGR_G_IsValid(g) == 0 {
                if let fixed = OGR_G_MakeValid(g), OGR_G_IsValid(fixed) != 0, OGR_G_IsEmpty(fixed) == 0,
                   let polygons = Self.polygonalPart(fixed) {
                    OGR_G_DestroyGeometry(g)
                    g = polygons
                    repaired.append(id)
                } else {
                    OGR_G_DestroyGeometry(g)
                    skipped.append(Skipped(id: id, name: name, origin: origin, reason: "invalid geometry that could not be repaired"))
                    continue
                }
            }
            records.append(Record(id: id, name: name, region: regionIndex.map(text) ?? "", district: districtIndex.map(text) ?? "",
                                  population: population, origin: origin))
            geoms.append(g)
        }
        guard !records.isEmpty else { throw InputError(file: path, message: "no usable village polygon in the layer") }
        self.records = records
        self.skipped = skipped
        self.repaired = repaired
        geometries = geoms
    }

    deinit { for g in geometries { OGR_G_DestroyGeometry(g) } }

    /// The polygons of a geometry as one MultiPolygon (MakeValid may return a collection with
    /// lines or points next to them); takes ownership of `g`; nil when it has no polygon.
    static func polygonalPart(_ g: OGRGeometryH) -> OGRGeometryH? {
        let type = OGR_GT_Flatten(OGR_G_GetGeometryType(g))
        if type == wkbPolygon || type == wkbMultiPolygon { return OGR_G_ForceToMultiPolygon(g) }
        let multi = OGR_G_CreateGeometry(wkbMultiPolygon)!
        for i in 0..<OGR_G_GetGeometryCount(g) {
            let part = OGR_G_GetGeometryRef(g, i)
            let t = OGR_GT_Flatten(OGR_G_GetGeometryType(part))
            if t == wkbPolygon { OGR_G_AddGeometry(multi, part) }
            if t == wkbMultiPolygon {
                for k in 0..<OGR_G_GetGeometryCount(part) { OGR_G_AddGeometry(multi, OGR_G_GetGeometryRef(part, k)) }
            }
        }
        OGR_G_DestroyGeometry(g)
        if OGR_G_GetGeometryCount(multi) == 0 { OGR_G_DestroyGeometry(multi); return nil }
        return multi
    }

    /// Marks villages as skipped after the fact (e.g. outside the terrain).
    public func skip(_ index: Int, reason: String) {
        let r = records[index]
        skipped.append(Skipped(id: r.id, name: r.name, origin: r.origin, reason: reason))
    }

    /// The villages' geometries transformed into `crs` (caller destroys via the closure scope).
    private func withTransformed<R>(to crs: AnalysisCRS, _ body: ([OGRGeometryH]) throws -> R) throws -> R {
        let t = try CoordinateTransform(from: layerCRS, to: crs.reference)
        var out: [OGRGeometryH] = []
        defer { for g in out { OGR_G_DestroyGeometry(g) } }
        for (i, g) in geometries.enumerated() {
            let c = OGR_G_Clone(g)!
            guard OGR_G_Transform(c, t.handle) == OGRERR_NONE else {
                OGR_G_DestroyGeometry(c)
                throw InputError(file: path, location: records[i].origin, message: "the polygon cannot be transformed to \(crs.label)")
            }
            out.append(c)
        }
        return try body(out)
    }

    /// Area (km²) and centroid (m) of every village in `crs`.
    public func measure(in crs: AnalysisCRS) throws -> [(areaKm2: Double, centroidXM: Double, centroidYM: Double)] {
        try withTransformed(to: crs) { geoms in
            geoms.map { g in
                let c = OGR_G_CreateGeometry(wkbPoint)!
                defer { OGR_G_DestroyGeometry(c) }
                _ = OGR_G_Centroid(g, c)
                return (OGR_G_Area(g) / 1e6, OGR_G_GetX(c, 0), OGR_G_GetY(c, 0))
            }
        }
    }

    /// Rasterises the villages onto `grid` (GDAL's rasteriser): a cell belongs to the village
    /// whose polygon contains its centre. Villages that get no cell that way (smaller or
    /// thinner than a cell) are rasterised again with ALL_TOUCHED, each on its own, and get
    /// every cell they touch.
    public func rasterize(onto grid: GridGeometry, crs: AnalysisCRS) throws -> VillageCells {
        try withTransformed(to: crs) { geoms in
            let owner = GridBuffer<Int32>(count: grid.cellCount, repeating: -1)
            try burn(geoms, values: geoms.indices.map { Double($0) }, into: owner, grid: grid, allTouched: false)
            var counts = [Int](repeating: 0, count: geoms.count)
            for i in 0..<owner.count where owner[i] >= 0 { counts[Int(owner[i])] += 1 }
            var extra: [(village: Int32, cell: Int)] = []
            let small = counts.indices.filter { counts[$0] == 0 }
            for v in small {
                // Rasterise the village alone over its own envelope.
                var env = OGREnvelope()
                OGR_G_GetEnvelope(geoms[v], &env)
                let c0 = max(0, Int(((env.MinX - grid.originXM) / grid.cellSizeM).rounded(.down)))
                let c1 = min(grid.width - 1, Int(((env.MaxX - grid.originXM) / grid.cellSizeM).rounded(.down)))
                let r0 = max(0, Int(((grid.originYM - env.MaxY) / grid.cellSizeM).rounded(.down)))
                let r1 = min(grid.height - 1, Int(((grid.originYM - env.MinY) / grid.cellSizeM).rounded(.down)))
                guard c0 <= c1, r0 <= r1 else { continue }
                let sub = GridGeometry(originXM: grid.originXM + Double(c0) * grid.cellSizeM, originYM: grid.originYM - Double(r0) * grid.cellSizeM,
                                       cellSizeM: grid.cellSizeM, width: c1 - c0 + 1, height: r1 - r0 + 1, crsWKT: grid.crsWKT)
                let mask = GridBuffer<Int32>(count: sub.cellCount, repeating: -1)
                try burn([geoms[v]], values: [Double(v)], into: mask, grid: sub, allTouched: true)
                for k in 0..<mask.count where mask[k] >= 0 {
                    let r = r0 + k / sub.width, c = c0 + k % sub.width
                    extra.append((Int32(v), r * grid.width + c))
                }
            }
            return VillageCells(grid: grid, owner: owner, extra: extra)
        }
    }

    private func burn(_ geoms: [OGRGeometryH], values: [Double], into buffer: GridBuffer<Int32>, grid: GridGeometry, allTouched: Bool) throws {
        try buffer.withUnsafeMutableBufferPointer { b in
            let memPath = "MEM:::DATAPOINTER=\(UInt(bitPattern: b.baseAddress)),PIXELS=\(grid.width),LINES=\(grid.height),BANDS=1,DATATYPE=Int32"
            guard let ds = GDALOpen(memPath, GA_Update) else { throw GDALRuntime.failure("create the village raster") }
            defer { GDALClose(ds) }
            var gt = grid.geoTransform
            GDALSetGeoTransform(ds, &gt)
            GDALSetProjection(ds, grid.crsWKT)
            var bands: [Int32] = [1]
            var handles: [OGRGeometryH?] = geoms
            var burnValues = values
            let options = CStringList(allTouched ? ["ALL_TOUCHED=TRUE"] : [])
            let err = GDALRasterizeGeometries(ds, 1, &bands, Int32(geoms.count), &handles, nil, nil, &burnValues, options.pointer, nil, nil)
            guard err == CE_None else { throw GDALRuntime.failure("rasterise the villages", path: path) }
        }
    }

    /// A copy of village `i`'s geometry in the layer's CRS (for writing).
    func geometry(_ i: Int) -> OGRGeometryH { OGR_G_Clone(geometries[i])! }
    var crs: SpatialReference { layerCRS }
}
