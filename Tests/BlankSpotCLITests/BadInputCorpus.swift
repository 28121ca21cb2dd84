import BlankSpotCore
import BlankSpotGDAL
import Foundation
import TestSupport

/// The corpus of bad and messy inputs: every input blankspot reads, broken the ways real files
/// are broken. Each case is a command line over files written into a fresh folder, the exit
/// code it must end with, and the words its message must contain: the file, the line or
/// feature, the field or option, and what was expected. `BadInputCorpusTests` runs each through
/// the built binary.
struct BadInputCase: Sendable, CustomStringConvertible {
    /// A file the case writes before running: text, raw bytes, or a raster made with GDAL.
    enum Content: Sendable {
        case text(String)
        case bytes([UInt8])
        /// A GeoTIFF over `(minLon, maxLat)` with `size` pixels of `cellDeg`, every value `value`
        /// (nan = nodata), with or without a CRS.
        case raster(minLon: Double, maxLat: Double, cellDeg: Double, size: Int, value: Float, crs: Bool)
        /// A folder where a file is expected.
        case folder
        /// Nothing: the path is named but not written.
        case absent
    }

    var name: String
    var files: [(String, Content)] = []
    /// Arguments; `{d}` is the case's folder, `{dem}` the real SRTM tile, `{out}` the output folder.
    var args: [String]
    var exitCode: Int32 = 1
    var mentions: [String]

    var description: String { name }
}

enum BadInputCorpus {
    /// A tower on the White Mountains tile, and a village square around it.
    static let goodTowers = "id,lon,lat,height_m\nA,-71.30,44.27,30\n"
    static let village = #"{"type":"Feature","properties":{"kode":"V1","nama":"Desa Satu","penduduk":1000},"geometry":{"type":"Polygon","coordinates":[[[-71.32,44.25],[-71.28,44.25],[-71.28,44.29],[-71.32,44.29],[-71.32,44.25]]]}}"#
    static func villages(_ features: [String]) -> String { #"{"type":"FeatureCollection","features":[\#(features.joined(separator: ","))]}"# }

    /// `coverage` over the real tile with the given tower file.
    static func towers(_ name: String, _ text: String, file: String = "t.csv", extra: [String] = [], exit: Int32 = 1, _ mentions: [String]) -> BadInputCase {
        BadInputCase(name: "towers: " + name, files: [(file, .text(text))],
                     args: ["coverage", "--dem", "{dem}", "--towers", "{d}/" + file, "--out", "{out}", "--radius-km", "3", "--model", "los"] + extra,
                     exitCode: exit, mentions: mentions)
    }

    /// `coverage` with a good tower file and the given option.
    static func option(_ args: [String], exit: Int32 = 64, _ mentions: [String]) -> BadInputCase {
        BadInputCase(name: "option: " + args.joined(separator: " "), files: [("t.csv", .text(goodTowers))],
                     args: ["coverage", "--dem", "{dem}", "--towers", "{d}/t.csv", "--out", "{out}", "--radius-km", "3"] + args,
                     exitCode: exit, mentions: mentions)
    }

    /// `run` with the given village layer.
    static func villageLayer(_ name: String, _ text: String, extra: [String] = [], exit: Int32 = 1, _ mentions: [String]) -> BadInputCase {
        BadInputCase(name: "villages: " + name, files: [("t.csv", .text(goodTowers)), ("v.geojson", .text(text))],
                     args: ["run", "--dem", "{dem}", "--towers", "{d}/t.csv", "--villages", "{d}/v.geojson", "--out", "{out}",
                            "--radius-km", "3", "--model", "los"] + extra,
                     exitCode: exit, mentions: mentions)
    }

    /// `profile` over a profile file.
    static func profile(_ name: String, _ text: String, extra: [String] = [], exit: Int32 = 1, _ mentions: [String]) -> BadInputCase {
        BadInputCase(name: "profile: " + name, files: [("p.csv", .text(text))],
                     args: ["profile", "--profile", "{d}/p.csv", "--from=-71.3,44.2", "--to=-71.2,44.3"] + extra,
                     exitCode: exit, mentions: mentions)
    }

    static let cases: [BadInputCase] = towerCases + openCelliDAndLayerCases + demCases + villageCases + populationCases
        + profileCases + optionCases + outputCases + suggestCases

    // MARK: tower tables

    static let towerCases: [BadInputCase] = {
        var c: [BadInputCase] = [
            towers("empty file", "", ["t.csv", "empty", "expected a header"]),
            towers("header only", "id,lon,lat\n", ["t.csv", "no tower rows", "expected one row"]),
            towers("blank lines only", "\n\n  \n", ["t.csv", "expected"]),
            towers("nan longitude", "id,lon,lat\nA,nan,44.2\n", ["t.csv", "line 2", "'lon'", "expected a longitude", "'nan'"]),
            towers("infinite latitude", "id,lon,lat\nA,-71.3,inf\n", ["line 2", "'lat'", "expected a latitude", "'inf'"]),
            towers("latitude -97.5", "id,lon,lat\nA,-71.3,-97.5\n", ["line 2", "'lat'", "between -90 and 90", "-97.5"]),
            towers("longitude 200", "id,lon,lat\nA,200,44.2\n", ["line 2", "'lon'", "between -180 and 180"]),
            towers("duplicate id", "id,lon,lat\nA,-71.3,44.2\nA,-71.4,44.3\n", ["line 3", "'id'", "already used by line 2", "unique"]),
            towers("negative height", "id,lon,lat,height_m\nA,-71.3,44.2,-5\n", ["line 2", "'height_m'", "between 0.5 and 1000", "'-5'"]),
            towers("height with unit", "id,lon,lat,height_m\nA,-71.3,44.2,31m\n", ["line 2", "'height_m'", "'31m'", "write the number alone (31)"]),
            towers("height as a word", "id,lon,lat,height_m\nA,-71.3,44.2,tall\n", ["line 2", "'height_m'", "'tall'"]),
            towers("height in hexadecimal", "id,lon,lat,height_m\nA,-71.3,44.2,0x1e\n", ["line 2", "'height_m'", "'0x1e'"]),
            towers("height #N/A", "id,lon,lat,height_m\nA,-71.3,44.2,#N/A\n", ["line 2", "'height_m'", "not a value"]),
            towers("eirp text", "id,lon,lat,eirp_dbm\nA,-71.3,44.2,strong\n", ["line 2", "'eirp_dbm'", "an EIRP in dBm"]),
            towers("eirp 500 dBm", "id,lon,lat,eirp_dbm\nA,-71.3,44.2,500\n", ["line 2", "'eirp_dbm'", "between -50 and 100"]),
            towers("eirp in watts", "id,lon,lat,eirp_dbm\nA,-71.3,44.2,20W\n", ["line 2", "'eirp_dbm'", "'W' after the number"]),
            towers("frequency 0", "id,lon,lat,frequency_mhz\nA,-71.3,44.2,0\n", ["line 2", "'frequency_mhz'", "a frequency in MHz"]),
            towers("frequency 3500 MHz for ITM with clutter", "id,lon,lat,frequency_mhz\nA,-71.30,44.27,3500\n", extra: ["--model", "itm"],
                   ["'frequency_mhz'", "tower 'A'", "P.2108-1 §3.1", "30–3000 MHz", "--clutter none"]),
            towers("azimuth 400", "id,lon,lat,azimuth_deg\nA,-71.3,44.2,400\n", ["line 2", "'azimuth_deg'", "between 0 and 360"]),
            towers("beamwidth 0", "id,lon,lat,beamwidth_deg\nA,-71.3,44.2,0\n", ["line 2", "'beamwidth_deg'", "between 1 and 360"]),
            towers("tilt 95", "id,lon,lat,tilt_deg\nA,-71.3,44.2,95\n", ["line 2", "'tilt_deg'", "between -90 and 90"]),
            towers("technology 6G", "id,lon,lat,technology\nA,-71.3,44.2,6G\n", ["line 2", "'technology'", "one of 2G, 3G, 4G, 5G", "'6G'"]),
            towers("no longitude column", "id,x1,lat\nA,-71.3,44.2\n", ["t.csv", "line 1", "'lon'", "no longitude column", "bujur"]),
            towers("no latitude column", "id,lon,y1\nA,-71.3,44.2\n", ["t.csv", "line 1", "'lat'", "no latitude column"]),
            towers("position (0, 0)", "id,lon,lat\nA,-71.3,44.2\nB,0,0\n", ["line 3", "'lon'", "(0, 0)", "missing position"]),
            towers("swapped out of range", "id,lon,lat\nA,44.2,-171.3\n", ["line 2", "'lat'", "seem swapped"]),
            towers("thousands separators", "id;lon;lat\nA;-71,3;10.758.096,000000\n", ["line 2", "'lat'", "thousands separators"]),
            towers("decimal comma in a comma file", "id,lon,lat\nA,\"-71,3\",44.2\n", ["line 2", "'lon'", "decimal comma"]),
            towers("unterminated quote", "id,lon,lat\nA,-71.3,44.2\n\"B,-71.4,44.3\n", ["t.csv", "line 3", "quoted field is not closed"]),
            towers("unquoted comma in a value", "id,lon,lat\nSite A, north,-71.3,44.2\n", ["line 2", "expected 3 fields", "unquoted comma"]),
            towers("empty longitude", "id,lon,lat\nA,,44.2\n", ["line 2", "'lon'", "position is missing"]),
            towers("projected coordinates", "id,lon,lat\nA,316218.6,4896659.1\n", ["line 2", "'lon'", "projected coordinates"]),
            towers("binary file", "", ["t.csv", "binary file"]).replacing(("t.csv", .bytes([0x50, 0x4B, 3, 4, 0, 0, 0x14, 0, 0xFF, 0xFE, 0, 0x0A, 0x2C, 0]))),
            towers("all outside the DEM", "id,lon,lat\nA,115.5,-2.5\nB,115.6,-2.6\n", ["t.csv", "outside the terrain", "km from its edge"]),
            towers("swapped inside the DEM", "id,lon,lat\nA,44.27,-71.30\n", ["t.csv", "outside the terrain", "km from its edge"]),
            towers("--column to a missing column", goodTowers, extra: ["--column", "height_m=tower_height"],
                   ["t.csv", "line 1", "'tower_height'", "no such column", "id, lon, lat, height_m"]),
            towers("--column of an unknown field", goodTowers, extra: ["--column", "altitude=height_m"], exit: 64,
                   ["--column", "'altitude'", "not a tower field", "height_m"]),
            towers("--column mapped twice", goodTowers, extra: ["--column", "height_m=a,height_m=b"], exit: 64,
                   ["--column", "height_m is mapped twice"]),
            towers("--column without =", goodTowers, extra: ["--column", "height_m"], exit: 64, ["--column", "FIELD=COLUMN"]),
            towers("two fields one column", goodTowers, extra: ["--column", "height_m=lat"], ["t.csv", "line 1", "'lat'", "feeds both"]),
            towers("CR line ends", "id,lon,lat\rA,-71.3,44.2\rB,-71.4,x\r", ["line 3", "'lat'", "'x'"]),
            towers("quoted line break then bad row", "id,lon,lat\n\"Site\nA\",-71.3,44.2\nB,-71.4,bad\n", ["line 4", "'lat'", "'bad'"]),
            towers("UTF-16 with a bad row", "", file: "u.txt", ["u.txt", "line 3", "'lat'", "'oops'"])
                .replacing(("u.txt", .bytes([0xFF, 0xFE] + Array("id\tlon\tlat\r\nA\t-71.3\t44.2\r\nB\t-71.4\toops\r\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }))),
            towers("semicolon file with a bad row", "nama;bujur;lintang;tinggi\nA;-71,3;44,2;30\nB;-71,4;44,3;tiga puluh\n",
                   ["line 3", "'height_m'", "'tiga puluh'"]),
            towers("tab file with a bad row", "id\tlon\tlat\nA\t-71.3\t44.2\nB\t-71.4\t\n", ["line 3", "'lat'", "position is missing"]),
            towers("tower file is a folder", "", file: "dir.csv", ["dir.csv", "cannot be read"]).replacing(("dir.csv", .folder)),
            towers("no such tower file", "", file: "absent.csv", ["absent.csv", "no such file"]).replacing(("absent.csv", .absent)),
            BadInputCase(name: "towers: a device, not a file", files: [],
                         args: ["coverage", "--dem", "{dem}", "--towers", "/dev/zero", "--out", "{out}", "--radius-km", "3"],
                         mentions: ["/dev/zero", "expected"]),
        ]
        // 16 broken rows: every one is reported, in one run.
        var sixteen = "id,lon,lat,height_m\nOK,-71.3,44.2,30\n"
        for i in 0..<16 { sixteen += "B\(i),-71.3,44.2,\(i)m\n" }
        c.append(towers("16 broken rows", sixteen, ["16 bad rows", "line 3", "line 18", "--skip-bad-rows"]))
        var sixty = "id,lon,lat\n"
        for i in 0..<60 { sixty += "B\(i),-71.3,north\n" }
        c.append(towers("60 broken rows", sixty, ["60 bad rows", "line 51", "… and 10 more problems"]))
        return c
    }()

    // MARK: OpenCelliD exports and OGR point layers

    static let openCelliDAndLayerCases: [BadInputCase] = [
        towers("OpenCelliD bad radio", "radio,mcc,net,area,cell,unit,lon,lat,range,samples\nWIFI,510,10,1,2,0,-71.3,44.2,1000,3\n",
               ["line 2", "'radio'", "expected GSM, UMTS, CDMA, LTE or NR", "'WIFI'"]),
        towers("OpenCelliD bad longitude", "radio,mcc,net,area,cell,unit,lon,lat,range,samples\nLTE,510,10,1,2,0,west,44.2,1000,3\n",
               ["line 2", "'lon'", "'west'"]),
        towers("layer with a line", #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"L"},"geometry":{"type":"LineString","coordinates":[[-71.3,44.2],[-71.2,44.3]]}}]}"#,
               file: "t.geojson", ["t.geojson", "feature 0", "'geometry'", "expected a point geometry", "line string"]),
        towers("layer with a bad height", #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"P","height_m":"tinggi"},"geometry":{"type":"Point","coordinates":[-71.3,44.2]}}]}"#,
               file: "t.geojson", ["t.geojson", "feature 0", "'height_m'", "'tinggi'"]),
        towers("layer without features", #"{"type":"FeatureCollection","features":[]}"#, file: "t.geojson", ["t.geojson", "no features"]),
        towers("layer that is not JSON", "{ this is not json", file: "t.geojson", ["t.geojson", "not a CSV and not a vector dataset"]),
        towers("layer with a null geometry", #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"N"},"geometry":null}]}"#,
               file: "t.geojson", ["t.geojson", "feature 0", "'geometry'", "expected a point geometry"]),
    ]

    // MARK: DEMs

    static let demCases: [BadInputCase] = [
        BadInputCase(name: "dem: missing", files: [("t.csv", .text(goodTowers))],
                     args: ["coverage", "--dem", "{d}/none.tif", "--towers", "{d}/t.csv", "--out", "{out}"], mentions: ["none.tif", "no such file"]),
        BadInputCase(name: "dem: text file", files: [("t.csv", .text(goodTowers)), ("dem.tif", .text("not a raster\n"))],
                     args: ["coverage", "--dem", "{d}/dem.tif", "--towers", "{d}/t.csv", "--out", "{out}"], mentions: ["dem.tif", "expected"]),
        BadInputCase(name: "dem: empty file", files: [("t.csv", .text(goodTowers)), ("dem.tif", .bytes([]))],
                     args: ["coverage", "--dem", "{d}/dem.tif", "--towers", "{d}/t.csv", "--out", "{out}"], mentions: ["dem.tif", "expected"]),
        BadInputCase(name: "dem: no CRS", files: [("t.csv", .text(goodTowers)), ("dem.tif", .raster(minLon: -71.5, maxLat: 44.5, cellDeg: 0.001, size: 400, value: 100, crs: false))],
                     args: ["coverage", "--dem", "{d}/dem.tif", "--towers", "{d}/t.csv", "--out", "{out}"], mentions: ["dem.tif", "no coordinate reference system"]),
        BadInputCase(name: "dem: all nodata", files: [("t.csv", .text(goodTowers)), ("dem.tif", .raster(minLon: -71.5, maxLat: 44.5, cellDeg: 0.001, size: 400, value: .nan, crs: true))],
                     args: ["coverage", "--dem", "{d}/dem.tif", "--towers", "{d}/t.csv", "--out", "{out}", "--radius-km", "3"],
                     mentions: ["dem.tif", "only nodata", "expected heights"]),
        BadInputCase(name: "dem: across the antimeridian, tower east of it",
                     files: [("t.csv", .text("id,lon,lat\nA,-179.95,-16.5\n")), ("dem.tif", .raster(minLon: 179.8, maxLat: -16.3, cellDeg: 0.001, size: 400, value: 50, crs: true))],
                     args: ["coverage", "--dem", "{d}/dem.tif", "--towers", "{d}/t.csv", "--out", "{out}", "--radius-km", "3"],
                     mentions: ["t.csv", "outside the terrain"]),
        BadInputCase(name: "dem: a picture without georeferencing", files: [("t.csv", .text(goodTowers)), ("dem.png", .bytes(Array(Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")!)))],
                     args: ["coverage", "--dem", "{d}/dem.png", "--towers", "{d}/t.csv", "--out", "{out}"], mentions: ["dem.png", "no coordinate reference system"]),
    ]

    // MARK: village layers

    static let villageCases: [BadInputCase] = [
        villageLayer("points only", villages([#"{"type":"Feature","properties":{"kode":"P1","nama":"Titik"},"geometry":{"type":"Point","coordinates":[-71.3,44.27]}}"#]),
                     ["v.geojson", "no usable village polygon"]),
        villageLayer("duplicate ids", villages([village, village]), ["v.geojson", "feature 1", "'kode'", "already used", "unique"]),
        villageLayer("empty geometries only", villages([#"{"type":"Feature","properties":{"kode":"E1","nama":"Kosong"},"geometry":{"type":"Polygon","coordinates":[]}}"#]),
                     ["v.geojson", "no usable village polygon"]),
        villageLayer("missing id field", villages([village]), extra: ["--id-field", "kode_bps"], ["v.geojson", "'kode_bps'", "does not have", "kode, nama, penduduk"]),
        villageLayer("text population", villages([#"{"type":"Feature","properties":{"kode":"V1","nama":"Desa","penduduk":"banyak"},"geometry":{"type":"Polygon","coordinates":[[[-71.32,44.25],[-71.28,44.25],[-71.28,44.29],[-71.32,44.29],[-71.32,44.25]]]}}"#]),
                     ["v.geojson", "feature 0", "'penduduk'", "expected a population", "'banyak'"]),
        villageLayer("negative population", villages([#"{"type":"Feature","properties":{"kode":"V1","nama":"Desa","penduduk":-5},"geometry":{"type":"Polygon","coordinates":[[[-71.32,44.25],[-71.28,44.25],[-71.28,44.29],[-71.32,44.29],[-71.32,44.25]]]}}"#]),
                     ["v.geojson", "feature 0", "'penduduk'", "expected a population", "'-5'"]),
        villageLayer("not a vector file", "garbage, not json", ["v.geojson", "not a vector dataset"]),
        villageLayer("no features", villages([]), ["v.geojson", "no usable village polygon"]),
        BadInputCase(name: "villages: no such file", files: [("t.csv", .text(goodTowers))],
                     args: ["run", "--dem", "{dem}", "--towers", "{d}/t.csv", "--villages", "{d}/none.geojson", "--out", "{out}", "--radius-km", "3", "--model", "los"],
                     mentions: ["none.geojson", "no such file"]),
        BadInputCase(name: "villages: coverage folder missing", files: [("v.geojson", .text(villages([village])))],
                     args: ["villages", "--coverage", "{d}/nothing", "--villages", "{d}/v.geojson", "--out", "{out}"],
                     mentions: ["nothing", "not a coverage folder", "expected"]),
        villageLayer("--blank-percent above --covered-percent", villages([village]), extra: ["--blank-percent", "95"], exit: 64,
                     ["--blank-percent", "below --covered-percent"]),
        villageLayer("--covered-percent 120", villages([village]), extra: ["--covered-percent", "120"], exit: 64, ["--covered-percent", "0 to 100"]),
        villageLayer("--blank-weight -1", villages([village]), extra: ["--blank-weight=-1"], exit: 64, ["--blank-weight", "0 to 100"]),
        villageLayer("--confirm-points -1", villages([village]), extra: ["--confirm-points=-1"], exit: 64, ["--confirm-points", "0 to 1000"]),
    ]

    // MARK: site suggestion (`run --suggest`)

    static let suggestCases: [BadInputCase] = [
        villageLayer("--height-m not numbers", villages([village]), extra: ["--suggest", "1", "--height-m", "42,tall"], exit: 64,
                     ["--height-m", "e.g. 42,52,72", "'42,tall'"]),
        villageLayer("--suggest 0", villages([village]), extra: ["--suggest", "0"], exit: 64, ["--sites (--suggest)", "1 to 1000"]),
        villageLayer("--grid-m 5", villages([village]), extra: ["--suggest", "1", "--grid-m", "5"], exit: 64, ["--grid-m", "10 to 50000"]),
        villageLayer("--height-m 500", villages([village]), extra: ["--suggest", "1", "--height-m", "500"], exit: 64, ["--height-m", "1 to 300"]),
        villageLayer("candidates all off the grid", villages([village]), extra: ["--suggest", "1", "--candidates", "{d}/c.csv"],
                     ["c.csv", "no candidate location is usable", "expected points on the coverage grid"])
            .replacing(("c.csv", .text("id,lon,lat\nP1,10.0,10.0\nP2,11.0,10.5\n"))),
        villageLayer("template with two rows", villages([village]), extra: ["--suggest", "1", "--template", "{d}/tpl.csv"],
                     ["tpl.csv", "exactly one tower row", "got 2"])
            .replacing(("tpl.csv", .text("lon,lat,technology\n1,1,4G\n1,1,2G\n"))),
        villageLayer("template with a bad frequency", villages([village]), extra: ["--suggest", "1", "--template", "{d}/tpl.csv"],
                     ["tpl.csv", "line 2", "frequency_mhz"])
            .replacing(("tpl.csv", .text("lon,lat,frequency_mhz\n1,1,fast\n"))),
    ]

    // MARK: population rasters

    static let populationCases: [BadInputCase] = [
        villageLayer("population raster with negative values", villages([village]), extra: ["--population", "{d}/pop.tif"],
                     ["pop.tif", "band 1", "expected people per cell", "0 or more"])
            .replacing(("pop.tif", .raster(minLon: -71.4, maxLat: 44.35, cellDeg: 0.001, size: 200, value: -3, crs: true))),
        villageLayer("population raster without CRS", villages([village]), extra: ["--population", "{d}/pop.tif"],
                     ["pop.tif", "no coordinate reference system"])
            .replacing(("pop.tif", .raster(minLon: -71.4, maxLat: 44.35, cellDeg: 0.001, size: 200, value: 3, crs: false))),
        villageLayer("population raster missing", villages([village]), extra: ["--population", "{d}/none.tif"], ["none.tif", "no such file"]),
        villageLayer("population raster is text", villages([village]), extra: ["--population", "{d}/pop.tif"], ["pop.tif", "not a raster", "expected"])
            .replacing(("pop.tif", .text("people everywhere\n"))),
    ]

    // MARK: profile files

    static let profileCases: [BadInputCase] = [
        profile("text height", "distance_km,height_m\n0,100\n1,tall\n2,120\n", ["p.csv", "line 3", "height_m", "'tall'"]),
        profile("decreasing distance", "distance_km,height_m\n0,100\n2,110\n1,120\n", ["p.csv", "line 4", "distance_km", "increasing"]),
        profile("single point", "distance_km,height_m\n0,100\n", ["p.csv", "expected"]),
        profile("empty file", "", ["p.csv", "expected"]),
        profile("negative clutter", "distance_km,height_m,clutter_m\n0,100,0\n1,110,-4\n2,120,0\n", ["p.csv", "line 3", "clutter_m", "'-4'"]),
        profile("zone 7", "distance_km,height_m,clutter_m,zone\n0,100,0,4\n1,110,0,7\n2,120,0,4\n", ["p.csv", "line 3", "zone", "'7'"]),
        profile("nan distance", "distance_km,height_m\n0,100\nnan,110\n2,120\n", ["p.csv", "line 3", "distance_km", "'nan'"]),
        profile("binary file", "", ["p.csv", "expected"]).replacing(("p.csv", .bytes([0, 1, 2, 255, 0, 10, 13, 0]))),
        profile("--dataset out of range", "distance_km,height_m\n0,100\n1,110\n2,120\n", extra: ["--dataset", "3"], ["--dataset", "expected"]),
        BadInputCase(name: "profile: Fryderyk dataset out of range", files: [],
                     args: ["profile", "--profile", Fixtures.path("p1812/validation_profiles/rburg.csv"), "--dataset", "99"],
                     mentions: ["rburg.csv", "--dataset", "99"]),
        BadInputCase(name: "profile: broken Fryderyk header", files: [("f.csv", .text("Fryderyk_csv\nTx_site_name,x\nLatitude_Tx,north\nLongitude_Tx,1\n"))],
                     args: ["profile", "--profile", "{d}/f.csv"], mentions: ["f.csv", "expected"]),
        BadInputCase(name: "profile: no positions", files: [("p.csv", .text("distance_km,height_m\n0,100\n1,110\n2,120\n"))],
                     args: ["profile", "--profile", "{d}/p.csv"], exitCode: 64, mentions: ["no positions", "--from"]),
    ]

    // MARK: options

    static let optionCases: [BadInputCase] = [
        option(["--rx-height-m", "1e9"], ["--rx-height-m", "0.5 to 3000 m", "1000000000"]),
        option(["--rx-height-m=-1"], ["--rx-height-m", "0.5 to 3000 m"]),
        option(["--resolution-m", "0.01"], ["--resolution-m", "1 to 10000 m", "0.01"]),
        option(["--threads", "0"], ["--threads", "1 to 1024"]),
        option(["--time-percent", "70"], ["--time-percent", "1 to 50 %", "P.1812"]),
        option(["--time-percent", "70", "--model", "fspl", "--location-percent", "0"], ["--location-percent", "1 to 99 %"]),
        option(["--delta-n", "200"], ["--delta-n", "0 to 150"]),
        option(["--n0", "100"], ["--n0", "250 to 400"]),
        option(["--itm-climate", "9"], ["--itm-climate", "1 to 7"]),
        option(["--threshold", "4G=abc"], ["--threshold", "'abc'"]),
        option(["--threshold", "4G=-10"], ["--threshold", "-150 to -30 dBm"]),
        option(["--threshold", "6G=-100"], ["--threshold", "'6G=-100'", "2G, 3G, 4G, 5G"]),
        option(["--threshold", "4G=-100,4G=-105"], ["--threshold", "4G is given twice"]),
        option(["--threshold-dbm", "5"], ["--threshold-dbm", "-150 to -30 dBm"]),
        option(["--k-factor", "0"], ["--k-factor", "0.1 to 100"]),
        option(["--radius-km", "1000"], ["--radius-km", "0.1 to 500 km"]),
        option(["--radius-km", "nan"], ["--radius-km", "0.1 to 500 km"]),
        option(["--radius-km", "far"], ["--radius-km", "auto", "'far'"]),
        option(["--radius-km", "auto", "--max-reach-km", "0.5"], ["--max-reach-km", "1 to 500 km"]),
        option(["--radius-km", "auto", "--reach-scale", "5"], ["--reach-scale", "1 to 4"]),
        option(["--reach-scale", "2"], ["--reach-scale", "applies to --radius-km auto only"]),
        option(["--max-memory-gb", "0.06", "--resolution-m", "5"], exit: 1, ["needs about", "--max-memory-gb", "--resolution-m"]),
        option(["--resolution-m", "1", "--radius-km", "300"], exit: 1, ["needs about", "this machine's memory", "--resolution-m"]),
        option(["--crs", "EPSG:4326"], ["--crs", "geographic", "projected"]),
        option(["--crs", "no such crs"], ["--crs", "'no such crs'", "expected"]),
        option(["--clutter", "jungle"], ["--clutter", "'jungle'", "trees"]),
        option(["--landcover-table", "{d}/t.csv"], ["--landcover-table needs --landcover"]),
        option(["--landcover", "{dem}", "--clutter", "trees"], ["--clutter applies without --landcover"]),
        option(["--landcover", "{d}/none.tif"], exit: 1, ["none.tif", "no such file"]),
        option(["--landcover", "{d}/t.csv"], exit: 1, ["t.csv", "not a raster", "expected"]),
        option(["--landcover", ExternalTool.dataFolder + "/bungo/bungo_elev_srtm.tif"], exit: 1, ["bungo_elev_srtm.tif", "band 1", "class codes"]),
        option(["--landcover", Fixtures.whiteMountainsTile, "--landcover-table", "{d}/t.csv"], exit: 1, ["t.csv", "line 1", "'code'", "expected code,name"]),
        option(["--crs", "EPSG:3857"], ["--crs", "Pseudo-Mercator", "not ground metres", "UTM"]),
        option(["--model", "okumura"], ["--model", "okumura"]),
        option(["--itm-ground", "swamp"], exit: 64, ["--itm-ground", "swamp"]),
        BadInputCase(name: "option: profile --frequency-mhz 1e6", files: [],
                     args: ["profile", "--dem", "{dem}", "--from=-71.3,44.2", "--to=-71.2,44.3", "--frequency-mhz", "1e6"],
                     exitCode: 64, mentions: ["--frequency-mhz", "20 to 20000 MHz"]),
        BadInputCase(name: "option: profile --from garbage", files: [],
                     args: ["profile", "--dem", "{dem}", "--from", "north", "--to=-71.2,44.3"], exitCode: 64, mentions: ["--from", "LON,LAT", "'north'"]),
        BadInputCase(name: "option: profile same points", files: [],
                     args: ["profile", "--dem", "{dem}", "--from=-71.3,44.2", "--to=-71.3,44.2"], exitCode: 64, mentions: ["coincide"]),
        BadInputCase(name: "option: profile file with --clutter", files: [("p.csv", .text("distance_km,height_m\n0,100\n1,110\n2,120\n"))],
                     args: ["profile", "--profile", "{d}/p.csv", "--from=-71.3,44.2", "--to=-71.2,44.3", "--clutter", "trees"], exitCode: 64,
                     mentions: ["--clutter", "--dem paths", "clutter_m"]),
        BadInputCase(name: "option: demo --radius-km 0", files: [], args: ["demo", "--out", "{out}", "--radius-km", "0"], exitCode: 64,
                     mentions: ["--radius-km", "0.1 to 500 km"]),
    ]

    // MARK: output folders

    static let outputCases: [BadInputCase] = [
        BadInputCase(name: "output: exists without --overwrite", files: [("t.csv", .text(goodTowers)), ("out/keep.txt", .text("mine\n"))],
                     args: ["coverage", "--dem", "{dem}", "--towers", "{d}/t.csv", "--out", "{d}/out", "--radius-km", "3"],
                     mentions: ["out", "already exists", "--overwrite"]),
        BadInputCase(name: "output: parent is read-only", files: [("t.csv", .text(goodTowers))],
                     args: ["coverage", "--dem", "{dem}", "--towers", "{d}/t.csv", "--out", "/proc/blankspot-out", "--radius-km", "3"],
                     mentions: ["/proc", "cannot create"]),
        BadInputCase(name: "output: empty path", files: [("t.csv", .text(goodTowers))],
                     args: ["coverage", "--dem", "{dem}", "--towers", "{d}/t.csv", "--out", "", "--radius-km", "3"],
                     exitCode: 64, mentions: ["--out", "empty path"]),
        BadInputCase(name: "output: --overwrite on a folder blankspot did not write", files: [("t.csv", .text(goodTowers)), ("mine/notes.txt", .text("keep me\n"))],
                     args: ["coverage", "--dem", "{dem}", "--towers", "{d}/t.csv", "--out", "{d}/mine", "--overwrite", "--radius-km", "3"],
                     mentions: ["mine", "not an output folder of blankspot", "will not replace it"]),
        BadInputCase(name: "output: --overwrite on a file", files: [("t.csv", .text(goodTowers)), ("afile", .text("x"))],
                     args: ["coverage", "--dem", "{dem}", "--towers", "{d}/t.csv", "--out", "{d}/afile", "--overwrite", "--radius-km", "3"],
                     mentions: ["afile", "is a file"]),
        BadInputCase(name: "output: parent is a file", files: [("t.csv", .text(goodTowers)), ("file", .text("x"))],
                     args: ["coverage", "--dem", "{dem}", "--towers", "{d}/t.csv", "--out", "{d}/file/out", "--radius-km", "3"],
                     mentions: ["file", "not a folder"]),
    ]
}

extension BadInputCase {
    func adding(_ file: (String, Content)) -> BadInputCase {
        var c = self
        c.files.append(file)
        return c
    }

    func replacing(_ file: (String, Content)) -> BadInputCase {
        var c = self
        c.files.removeAll { $0.0 == file.0 }
        c.files.append(file)
        return c
    }
}
