import ArgumentParser
import BlankSpotCore
import BlankSpotPipeline
import Foundation

struct ProfileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile",
        abstract: "Predict one link point to point and print every loss term.",
        discussion: """
        Either two points over DEMs (--dem … --from LON,LAT --to LON,LAT: the terrain is sampled \
        along the geodesic at the DEM's resolution, with clutter as in coverage: --landcover, \
        else --clutter, default trees), or a profile file (--profile FILE): plain CSV \
        distance_km,height_m[,clutter_m[,zone]] or an ITU-R SG3 "Fryderyk" validation file. \
        Values not given come from the file's measurement row (--dataset), then the defaults.
        """
    )

    @Option(name: .customLong("dem"), parsing: .upToNextOption, help: ArgumentHelp("DEM file(s) for a path between --from and --to.", valueName: "file"))
    var demPaths: [String] = []

    @Option(help: ArgumentHelp("Transmitter position, WGS 84.", valueName: "lon,lat"))
    var from: String?

    @Option(help: ArgumentHelp("Receiver position, WGS 84.", valueName: "lon,lat"))
    var to: String?

    @Option(name: .customLong("profile"), help: ArgumentHelp("Profile file instead of DEMs.", valueName: "file"))
    var profilePath: String?

    @Option(help: "Measurement row of a Fryderyk profile file to take the link parameters from (0-based).")
    var dataset: Int?

    @Option(help: "Model(s), comma-separated: p1812, fspl, itm (itm is printed beside p1812).")
    var model: String = "p1812"

    @Option(name: .customLong("frequency-mhz"), help: "Frequency, MHz (default 1800).")
    var frequencyMHz: Double?

    @Option(name: .customLong("tx-height-m"), help: "Transmitter antenna above ground, m (default 30).")
    var txHeightM: Double?

    @Option(name: .customLong("rx-height-m"), help: "Receiver antenna above ground, m (default 1.5).")
    var rxHeightM: Double?

    @Option(name: .customLong("time-percent"), help: "Time percentage p, 1–50 (default 50).")
    var timePercent: Double?

    @Option(name: .customLong("location-percent"), help: "Location percentage pL, 1–99.")
    var locationPercent: Double = 50

    @Option(help: "Polarisation: v or h (default v).")
    var polarization: String?

    @Option(name: .customLong("delta-n"), help: "ΔN, N-units/km (default 45; see docs/models.md).")
    var deltaN: Double?

    @Option(help: "N0, N-units (default 375; see docs/models.md).")
    var n0: Double?

    @Option(name: .customLong("itm-climate"), help: "ITM radio climate 1–7 (default 1, equatorial; see docs/models.md).")
    var itmClimate: Int = 1

    @Option(name: .customLong("itm-ground"), help: "ITM ground: average, poor, good, fresh-water, sea-water (default average).")
    var itmGround: String = "average"

    @Option(name: .customLong("spacing-m"), help: "Profile spacing over DEMs, m (default: the DEM's native resolution).")
    var spacingM: Double?

    @OptionGroup var clutter: ClutterOptions

    @Flag(help: "Print JSON instead of text.")
    var json = false

    /// Every number against its documented range (OptionRanges); the model checks its own band.
    func validate() throws {
        do {
            if let frequencyMHz { try OptionRanges.frequencyMHz.check(frequencyMHz) }
            if let txHeightM { try OptionRanges.txHeightM.check(txHeightM) }
            if let rxHeightM { try OptionRanges.rxHeightM.check(rxHeightM) }
            if let timePercent { try OptionRanges.timePercent.check(timePercent) }
            try OptionRanges.locationPercent.check(locationPercent)
            if let deltaN { try OptionRanges.deltaN.check(deltaN) }
            if let n0 { try OptionRanges.n0.check(n0) }
            try OptionRanges.itmClimate.check(itmClimate)
            if let spacingM { try OptionRanges.spacingM.check(spacingM) }
            if let dataset, dataset < 0 { throw UsageError("--dataset: expected a measurement row number, 0 or more, got \(dataset)") }
            try clutter.check()
            if profilePath != nil && clutter.isGiven {
                throw UsageError("--landcover, --landcover-table and --clutter apply to --dem paths; a profile file gives its own clutter_m column")
            }
        } catch let e as UsageError {
            throw ValidationError(e.message)
        }
    }

    func run() throws {
        let models = try model.split(separator: ",").map { name -> LinkModel in
            guard let m = LinkModel(rawValue: name.trimmingCharacters(in: .whitespaces).lowercased()) else {
                throw ValidationError("--model: unknown model '\(name)'; expected \(LinkModel.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return m
        }
        var pol: Polarization?
        if let polarization {
            switch polarization.lowercased() {
            case "v", "vertical": pol = .vertical
            case "h", "horizontal": pol = .horizontal
            default: throw ValidationError("--polarization: expected v or h, got '\(polarization)'")
            }
        }
        let fromPoint = try from.map { try Self.lonLat($0, option: "--from") }
        let toPoint = try to.map { try Self.lonLat($0, option: "--to") }
        let path: ProfileRequest.Path
        if let profilePath {
            guard demPaths.isEmpty else { throw ValidationError("give either --profile or --dem, not both") }
            var ends: (Double, Double, Double, Double)?
            if let a = fromPoint, let b = toPoint { ends = (a.0, a.1, b.0, b.1) }
            path = .file(path: profilePath, dataset: dataset, fromTo: ends)
        } else {
            guard !demPaths.isEmpty, let a = fromPoint, let b = toPoint else {
                throw ValidationError("give --dem FILE… with --from LON,LAT and --to LON,LAT, or --profile FILE")
            }
            path = .dem(paths: demPaths, fromLonDeg: a.0, fromLatDeg: a.1, toLonDeg: b.0, toLatDeg: b.1, spacingM: spacingM)
        }
        let report = try ProfileJob.run(ProfileRequest(
            path: path, models: models, frequencyMHz: frequencyMHz, txHeightM: txHeightM, rxHeightM: rxHeightM,
            timePercent: timePercent, locationPercent: locationPercent, polarization: pol, deltaN: deltaN, n0: n0,
            itm: try ITMCommandOptions.parse(climate: itmClimate, ground: itmGround),
            clutter: profilePath == nil ? try clutter.source() : .none))
        print(json ? try report.json() : report.text(), terminator: "")
    }

    static func lonLat(_ text: String, option: String) throws -> (Double, Double) {
        let parts = text.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, let lon = parts[0], let lat = parts[1], (-180...180).contains(lon), (-90...90).contains(lat) else {
            throw ValidationError("\(option): expected LON,LAT in decimal degrees (WGS 84), got '\(text)'")
        }
        return (lon, lat)
    }
}
