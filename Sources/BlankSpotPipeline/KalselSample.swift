import BlankSpotCore
import BlankSpotGDAL
import Foundation

/// The bundled sample scenario of Kalimantan Selatan: how its generated parts are made.
/// Used by `tools/kalsel-sample` (which writes the committed files) and by `blankspot demo`
/// (which generates the terrain on first use).
public enum KalselSample {
    public static let terrainFileName = "GENERATED-kalsel-terrain-3arcsec.tif"
    public static let villagesFileName = "kalsel_desa_kelurahan_estimated_population.geojson"
    public static let towersFileName = "kalsel_towers_illustrative.csv"
    public static let provinceFileName = "kalsel_provinsi.geojson"
    public static let landCoverFileName = "GENERATED-kalsel-landcover-3arcsec.tif"
    public static let landCoverTableFileName = "GENERATED-kalsel-landcover-table.csv"

    /// Writes the GENERATED terrain (``KalselRelief``) as an SRTM-like GeoTIFF: WGS 84,
    /// 3 arc-second cells, Int16 metres, over lon 114.2–117.6°, lat −5.05 to −1.2°. Land is the
    /// province polygon plus the neighbouring land to the north and west (Central and East
    /// Kalimantan); outside the province, sea is south of −3.6° and, south of −2.3°, east of
    /// 116.3° (the Java Sea and the Makassar Strait). Deterministic: the same bytes every time.
    /// `arcSeconds` sets the cell size (3 for the sample; coarser for quick tests).
    public static func generateTerrain(provincePath: String, to path: String, threads: Int, arcSeconds: Double = 3) throws {
        try generate(provincePath: provincePath, terrainTo: path, landCover: nil, threads: threads, arcSeconds: arcSeconds)
    }

    /// Where the GENERATED land cover's built-up land comes from: the village layer (its
    /// kelurahan, the urban wards) and the tower list (discs around its GENERATED sites at the
    /// kabupaten/kota capitals, 2 km, and kecamatan centres, 700 m).
    public struct LandCoverInputs: Sendable {
        public var villagesPath: String
        public var towersPath: String
        public var to: String
        public init(villagesPath: String, towersPath: String, to: String) {
            self.villagesPath = villagesPath
            self.towersPath = towersPath
            self.to = to
        }
    }

    /// Writes the GENERATED terrain (see ``generateTerrain(provincePath:to:threads:arcSeconds:)``)
    /// and, with `landCover`, the GENERATED land cover on the same grid (``KalselLandCover``,
    /// Byte class codes of ``landCoverTableFileName``). Deterministic.
    public static func generate(provincePath: String, terrainTo path: String, landCover: LandCoverInputs?, threads: Int,
                                arcSeconds: Double = 3) throws {
        let cellDeg = arcSeconds / 3600
        let grid = GridGeometry(originXM: 114.2, originYM: -1.2, cellSizeM: cellDeg, width: Int((3.4 / cellDeg).rounded()),
                                height: Int((3.85 / cellDeg).rounded()), crsWKT: try VectorTools.crsWKT("EPSG:4326"))
        let province = try VectorTools.polygonMask(path: provincePath, grid: grid)
        let relief = KalselRelief()
        // Land and sea first, then each land cell's distance to the sea: the relief is tapered
        // to the shore (``KalselRelief/coastalTaper(distanceKm:)``) so that the coast has no cliff.
        var land = [Bool](repeating: false, count: grid.cellCount)
        forEachCell(of: grid, threads: 1) { i, lon, lat in
            land[i] = province[i] == 1 || !(lat < -3.6 || (lon > 116.3 && lat < -2.3))
        }
        let cellKm = arcSeconds / 3600 * 110.6
        let toSeaKm = DistanceToMask.km(mask: land.map { !$0 }, width: grid.width, height: grid.height, cellKm: cellKm)
        let heights = GridBuffer<Int16>(count: grid.cellCount, repeating: 0, threads: threads)
        forEachCell(of: grid, threads: threads) { i, lon, lat in
            guard land[i] else { return }
            let h = relief.heightM(lonDeg: lon, latDeg: lat, onLand: true)
            heights[i] = Int16((1 + (h - 1) * KalselRelief.coastalTaper(distanceKm: toSeaKm[i])).rounded())
        }
        let note = "GENERATED terrain for the blankspot sample (KalselRelief, seed \(relief.seed), \(CSVWriter.number(arcSeconds))″ cells): NOT a real DEM of Kalimantan Selatan"
        try GeoTIFFWriter.write(RasterProduct(
            pixels: .int16(heights), description: "GENERATED elevation (not real)", unit: "m", nodata: -32768,
            overviewResampling: .average, bandMetadata: ["GENERATED": "yes"],
            datasetMetadata: ["GENERATED": "yes", "BLANKSPOT_NOTE": note, "BLANKSPOT_VERSION": BlankSpotVersion.string]),
                                grid: grid, to: path)
        guard let landCover else { return }
        let builtUp = try builtUpMask(grid: grid, inputs: landCover)
        let rules = KalselLandCover()
        let classes = GridBuffer<UInt8>(count: grid.cellCount, repeating: 0, threads: threads)
        forEachCell(of: grid, threads: threads) { i, lon, lat in
            classes[i] = rules.classify(lonDeg: lon, latDeg: lat, onLand: land[i], groundM: Double(heights[i]), toSeaKm: toSeaKm[i],
                                        builtUp: builtUp[i] == 1).rawValue
        }
        let landNote = "GENERATED land cover for the blankspot sample (KalselLandCover from the GENERATED terrain): NOT a real map of Kalimantan Selatan"
        try GeoTIFFWriter.write(RasterProduct(
            pixels: .byte(classes), description: "GENERATED land cover (not real)", unit: "", nodata: 0,
            overviewResampling: .mode, bandMetadata: ["GENERATED": "yes"],
            datasetMetadata: ["GENERATED": "yes", "BLANKSPOT_NOTE": landNote, "BLANKSPOT_VERSION": BlankSpotVersion.string],
            colorTable: landCoverColours, categoryNames: ["no data", "forest", "plantation", "cropland", "swamp", "mangrove", "built-up", "sea", "river"]),
                                grid: grid, to: landCover.to)
    }

    /// Calls `body(cell, lon, lat)` for every cell centre of the geographic `grid`, rows on
    /// `threads` threads.
    static func forEachCell(of grid: GridGeometry, threads: Int, _ body: (_ cell: Int, _ lonDeg: Double, _ latDeg: Double) -> Void) {
        ParallelLoop.run(count: grid.height, threads: threads) { row, _ in
            let lat = grid.originYM - (Double(row) + 0.5) * grid.cellSizeM
            for col in 0..<grid.width {
                body(row * grid.width + col, grid.originXM + (Double(col) + 0.5) * grid.cellSizeM, lat)
            }
        }
    }

    /// Colours of the land-cover classes for GIS viewers (ESA WorldCover's palette where a
    /// class matches).
    static let landCoverColours: [RasterProduct.ColorEntry] = [
        .init(value: 0, rgba: (0, 0, 0, 0)), .init(value: 1, rgba: (0, 100, 0, 255)), .init(value: 2, rgba: (120, 160, 40, 255)),
        .init(value: 3, rgba: (240, 150, 255, 255)), .init(value: 4, rgba: (0, 150, 160, 255)), .init(value: 5, rgba: (0, 207, 117, 255)),
        .init(value: 6, rgba: (250, 0, 0, 255)), .init(value: 7, rgba: (0, 100, 200, 255)), .init(value: 8, rgba: (0, 150, 255, 255)),
    ]

    /// 1 where the GENERATED land cover is built up: kelurahan polygons and discs around the
    /// GENERATED towers at the capitals and kecamatan centres.
    static func builtUpMask(grid: GridGeometry, inputs: LandCoverInputs) throws -> GridBuffer<UInt8> {
        let mask = try VectorTools.polygonMask(path: inputs.villagesPath, grid: grid, attributeFilter: "jenis = 'kelurahan'")
        let text = try String(contentsOfFile: inputs.towersPath, encoding: .utf8)
        let table = try CSVTable(text: text, file: inputs.towersPath)
        guard let lonC = table.column(["lon"]), let latC = table.column(["lat"]), let sourceC = table.column(["source"]) else {
            throw InputError(file: inputs.towersPath, message: "expected the sample's columns lon, lat and source")
        }
        let cellDeg = grid.cellSizeM
        for row in table.rows {
            let source = row.fields[sourceC]
            let radiusKm = source.hasPrefix("GENERATED: kabupaten") ? 2.0 : source.hasPrefix("GENERATED: kecamatan") ? 0.7 : 0
            guard radiusKm > 0, let lon = Double(row.fields[lonC]), let lat = Double(row.fields[latC]) else { continue }
            let kmPerLon = 110.6 * cos(lat * Double.pi / 180), kmPerLat = 110.6
            let c0 = Int(((lon - grid.originXM) / cellDeg).rounded(.down)), r0 = Int(((grid.originYM - lat) / cellDeg).rounded(.down))
            let span = Int((radiusKm / (cellDeg * kmPerLon)).rounded(.up)) + 1
            for r in max(0, r0 - span)...min(grid.height - 1, r0 + span) {
                for c in max(0, c0 - span)...min(grid.width - 1, c0 + span) {
                    let dx = (grid.originXM + (Double(c) + 0.5) * cellDeg - lon) * kmPerLon
                    let dy = (grid.originYM - (Double(r) + 0.5) * cellDeg - lat) * kmPerLat
                    if dx * dx + dy * dy <= radiusKm * radiusKm { mask[r * grid.width + c] = 1 }
                }
            }
        }
        return mask
    }

    /// Population per desa/kelurahan, estimated from the kabupaten/kota totals: each total is
    /// shared among its villages with weight 3 for a kelurahan (urban ward, code 1xxx) and 1 for
    /// a desa (rural village, 2xxx). Equal shares rather than shares by area, because large
    /// villages are mostly large because they are thinly settled (forest, mountains, swamp):
    /// by area, a remote Meratus village would get tens of thousands of people. An illustrative
    /// estimate, not census data.
    public static func estimatePopulation(villagesPath: String, populationCSV: String) throws -> [String: Double] {
        let layer = try VillageLayer(path: villagesPath, idField: "kode", nameField: "nama", populationField: nil)
        let table = try CSVTable(text: String(contentsOfFile: populationCSV, encoding: .utf8), file: populationCSV)
        guard let kc = table.column(["kode"]), let pc = table.column(["penduduk_total"]) else {
            throw InputError(file: populationCSV, message: "expected columns kode and penduduk_total")
        }
        var totals: [String: Double] = [:]
        for row in table.rows { totals[row.fields[kc]] = Double(row.fields[pc]) }
        // kode 63.01.01.2001: kabupaten = first two parts; kelurahan codes start with 1.
        func kabupaten(_ id: String) -> String { id.split(separator: ".").prefix(2).joined(separator: ".") }
        func weight(_ id: String) -> Double { id.split(separator: ".").last?.first == "1" ? 3 : 1 }
        var weighted: [String: Double] = [:]
        for r in layer.records { weighted[kabupaten(r.id), default: 0] += weight(r.id) }
        var result: [String: Double] = [:]
        for r in layer.records {
            let k = kabupaten(r.id)
            guard let total = totals[k], let w = weighted[k], w > 0 else { continue }
            result[r.id] = (total * weight(r.id) / w).rounded()
        }
        return result
    }

    /// The kabupaten/kota capitals (approximate town centres, read off a map), where the
    /// generated towers of the sample start.
    static let capitals: [(name: String, lon: Double, lat: Double)] = [
        ("Pelaihari", 114.757, -3.800), ("Kotabaru", 116.226, -3.235), ("Martapura", 114.852, -3.413),
        ("Marabahan", 114.757, -2.988), ("Rantau", 115.118, -2.937), ("Kandangan", 115.268, -2.779),
        ("Barabai", 115.386, -2.584), ("Amuntai", 115.252, -2.418), ("Tanjung", 115.381, -2.166),
        ("Batulicin", 115.985, -3.451), ("Paringin", 115.646, -2.275), ("Banjarmasin", 114.590, -3.319),
        ("Banjarbaru", 114.827, -3.442),
    ]

    /// The illustrative tower list: the real OpenCelliD sites of the Kalsel extract, one
    /// GENERATED site at each kabupaten/kota capital, and one GENERATED site at the centre of
    /// each kecamatan whose generated ground lies below 250 m (towns in the hills and mountains of
    /// the Meratus get none, which is where blank spots are in reality too). Columns say which.
    public static func towersCSV(openCelliDPath: String, kecamatanPath: String) throws -> String {
        var text = CSVWriter.line(["id", "lon", "lat", "height_m", "technology", "source"])
        let real = try TowerTableReader.read(text: String(contentsOfFile: openCelliDPath, encoding: .utf8), file: openCelliDPath)
        for t in real {
            text += CSVWriter.line([t.id, CSVWriter.number(t.lonDeg, decimals: 5), CSVWriter.number(t.latDeg, decimals: 5), "30",
                                    t.technology.rawValue, "real: OpenCelliD (CC BY-SA 4.0)"])
        }
        for c in capitals {
            text += CSVWriter.line(["GEN-\(c.name)", CSVWriter.number(c.lon, decimals: 5), CSVWriter.number(c.lat, decimals: 5), "42",
                                    "4G", "GENERATED: kabupaten/kota capital"])
        }
        let kecamatan = try VillageLayer(path: kecamatanPath, idField: "kode", nameField: "nama", populationField: nil)
        let crs = try AnalysisCRS(userInput: "EPSG:32750")
        let centres = try kecamatan.measure(in: crs)
        let lonLat = crs.unproject(points: centres.map { ($0.centroidXM, $0.centroidYM) })
        let relief = KalselRelief()
        for (i, r) in kecamatan.records.enumerated() {
            guard let p = lonLat[i], relief.heightM(lonDeg: p.lonDeg, latDeg: p.latDeg, onLand: true) < 250 else { continue }
            text += CSVWriter.line(["GEN-KEC-\(r.id)", CSVWriter.number(p.lonDeg, decimals: 5), CSVWriter.number(p.latDeg, decimals: 5),
                                    "32", "4G", "GENERATED: kecamatan \(r.name)"])
        }
        return text
    }
}

