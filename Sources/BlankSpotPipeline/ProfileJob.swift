import BlankSpotCore
import BlankSpotGDAL
import Foundation

/// Point-to-point models `blankspot profile` can evaluate.
public enum LinkModel: String, Sendable, CaseIterable {
    case fspl
    case p1812
    /// ITM (Longley–Rice) point to point; always reported beside P.1812.
    case itm
}

/// What `blankspot profile` was asked.
public struct ProfileRequest: Sendable {
    public enum Path: Sendable {
        /// Two points and DEMs: the profile is sampled along the geodesic.
        case dem(paths: [String], fromLonDeg: Double, fromLatDeg: Double, toLonDeg: Double, toLatDeg: Double, spacingM: Double?)
        /// A profile file (plain CSV or ITU Fryderyk); `dataset` picks a measurement row of a
        /// Fryderyk file for the link parameters; `fromTo` supplies positions a plain file lacks.
        case file(path: String, dataset: Int?, fromTo: (Double, Double, Double, Double)?)
    }

    public var path: Path
    public var models: [LinkModel]
    public var frequencyMHz: Double?
    public var txHeightM: Double?
    public var rxHeightM: Double?
    public var timePercent: Double?
    public var locationPercent: Double
    public var polarization: Polarization?
    public var deltaN: Double?
    public var n0: Double?
    public var itm: ITMOptions
    /// The clutter of a path over DEMs (a profile file gives its own).
    public var clutter: ClutterSource

    public init(path: Path, models: [LinkModel], frequencyMHz: Double?, txHeightM: Double?, rxHeightM: Double?,
                timePercent: Double?, locationPercent: Double, polarization: Polarization?, deltaN: Double?, n0: Double?,
                itm: ITMOptions = ITMOptions(), clutter: ClutterSource = .none) {
        self.itm = itm
        self.clutter = clutter
        self.path = path
        self.models = models
        self.frequencyMHz = frequencyMHz
        self.txHeightM = txHeightM
        self.rxHeightM = rxHeightM
        self.timePercent = timePercent
        self.locationPercent = locationPercent
        self.polarization = polarization
        self.deltaN = deltaN
        self.n0 = n0
    }
}

/// `blankspot profile`: builds the path, runs the models, returns the report.
public enum ProfileJob {
    /// Defaults when neither the command line nor the profile file says.
    public static let defaultFrequencyMHz = 1800.0
    public static let defaultTxHeightM = 30.0
    public static let defaultRxHeightM = 1.5
    public static let defaultTimePercent = 50.0

    public static func run(_ request: ProfileRequest) throws -> LinkReport {
        var profile: P1812Profile
        var ends: (Double, Double, Double, Double)?
        var measurement: ProfileFile.Measurement?
        var fileDeltaN: Double?, fileN0: Double?
        var source: String
        var spacingM: Double
        var receiverClass: LandCoverClass?
        var clutterText = "from the profile file (clutter_m, zone)"
        switch request.path {
        case let .dem(paths, lon1, lat1, lon2, lat2, spacing):
            let dems = try DEMSet(paths: paths)
            let g = try GeodesicProfile.extract(dems: dems, fromLonDeg: lon1, latDeg: lat1, toLonDeg: lon2, latDeg: lat2, spacingM: spacing)
            let classes = try ProfileClutter.classes(along: g, clutter: request.clutter)
            profile = P1812Profile(distancesKm: g.distancesM.map { $0 / 1000 }, heightsM: g.heightsM,
                                   clutterHeightsM: classes.map { $0.map(\.clutterHeightM) }, zones: classes.map { $0.map(\.zone) })
            receiverClass = classes?.last
            ends = (lon1, lat1, lon2, lat2)
            source = "geodesic over \(paths.joined(separator: ", "))"
            clutterText = request.clutter.description
            spacingM = g.distancesM[1]
        case let .file(path, dataset, fromTo):
            guard FileManager.default.fileExists(atPath: path) else {
                throw InputError(file: path, message: "no such file; expected a profile (distance_km,height_m[,clutter_m[,zone]]) or an ITU-R SG3 validation file")
            }
            try TableText.checkReadableFile(path)
            guard let data = FileManager.default.contents(atPath: path) else {
                throw InputError(file: path, message: "the file cannot be read; expected a profile (distance_km,height_m[,clutter_m[,zone]])")
            }
            let file = try ProfileFile(text: try TableText.decode(data, file: path), file: path)
            profile = file.profile
            if let t = file.txLatDeg, let u = file.txLonDeg, let r = file.rxLatDeg, let s = file.rxLonDeg { ends = (u, t, s, r) }
            if let fromTo { ends = fromTo }
            if file.measurements.isEmpty, let dataset {
                throw InputError(file: path, field: "--dataset", message: "the file has no measurement rows (it is not an ITU-R SG3 validation file), got --dataset \(dataset); expected no --dataset")
            }
            if !file.measurements.isEmpty {
                let k = dataset ?? 0
                guard file.measurements.indices.contains(k) else {
                    throw InputError(file: path, field: "--dataset", message: "the file has \(file.measurements.count) measurement rows (0–\(file.measurements.count - 1)), got \(k)")
                }
                measurement = file.measurements[k]
            }
            fileDeltaN = file.deltaN
            fileN0 = file.n0
            source = "profile file \(path)"
            spacingM = profile.pathLengthKm * 1000 / Double(profile.count - 1)
        }
        guard let (lon1, lat1, lon2, lat2) = ends else {
            throw UsageError("the profile file gives no positions; add --from LON,LAT --to LON,LAT (P.1812 needs the path's latitude)")
        }
        // dct, dcr (eq. 49): over land from each end to the path's first sea point.
        let coast = P1812ZoneWalk(profile: profile).zones(pathKm: profile.pathLengthKm)
        let link = P1812Link(
            frequencyGHz: (request.frequencyMHz ?? measurement?.frequencyMHz ?? defaultFrequencyMHz) / 1000,
            timePercent: request.timePercent ?? measurement?.timePercent ?? defaultTimePercent,
            locationPercent: request.locationPercent,
            txLatDeg: lat1, txLonDeg: lon1, rxLatDeg: lat2, rxLonDeg: lon2,
            txHeightM: request.txHeightM ?? measurement?.txHeightM ?? defaultTxHeightM,
            rxHeightM: request.rxHeightM ?? measurement?.rxHeightM ?? defaultRxHeightM,
            polarization: request.polarization ?? measurement?.polarization ?? .vertical,
            deltaN: request.deltaN ?? fileDeltaN ?? TropicalDefaults.deltaN,
            n0: request.n0 ?? fileN0 ?? TropicalDefaults.n0,
            txCoastDistanceKm: coast.txCoastDistanceKm, rxCoastDistanceKm: coast.rxCoastDistanceKm)
        do {
            var models = request.models
            if models.contains(.itm) && !models.contains(.p1812) { models.insert(.p1812, at: 0) }
            return try report(link: link, profile: profile, models: models, source: source, spacingM: spacingM, itm: request.itm,
                              clutter: clutterText, receiverClass: receiverClass)
        } catch let e as ModelInputError {
            throw UsageError("P.1812 \(e.parameter): \(e.message)")
        }
    }

    static func report(link: P1812Link, profile: P1812Profile, models: [LinkModel], source: String, spacingM: Double,
                       itm: ITMOptions, clutter: String, receiverClass: LandCoverClass?) throws -> LinkReport {
        let p = try P1812.predict(link: link, profile: profile)
        let a = p.analysis
        var results: [LinkReport.ModelResult] = []
        for model in models {
            switch model {
            case .fspl:
                let slantKm = (a.pathLengthKm * a.pathLengthKm + pow((a.txAltitudeM - a.rxAltitudeM) / 1000, 2)).squareRoot()
                let l = FreeSpace.lossDB(distanceKm: slantKm, frequencyGHz: link.frequencyGHz)
                results.append(.init(model: "free space (ITU-R P.525, P.1812 eq. 8)", basicTransmissionLossDB: l,
                                     fieldStrength1kWDBuVm: 199.36 + 20 * log10(link.frequencyGHz) - l,
                                     terms: [.init(name: "free space", symbol: "Lbfs", equation: "P.1812 eq. 8", valueDB: l)]))
            case .p1812:
                let terms: [LinkReport.Term] = [
                    .init(name: "free space", symbol: "Lbfs", equation: "eq. 8", valueDB: p.freeSpaceDB),
                    .init(name: "line of sight, p % (focusing)", symbol: "Lb0p", equation: "eq. 10", valueDB: p.lineOfSightDB),
                    .init(name: "diffraction, Bullington (actual profile)", symbol: "Lbulla", equation: "eq. 21", valueDB: p.diffractionMedian.actualDB),
                    .init(name: "diffraction, Bullington (smooth profile)", symbol: "Lbulls", equation: "eq. 21", valueDB: p.diffractionMedian.smoothDB),
                    .init(name: "diffraction, spherical earth", symbol: "Ldsph", equation: "eq. 27", valueDB: p.diffractionMedian.sphericalDB),
                    .init(name: "diffraction, median", symbol: "Ld50", equation: "eq. 39", valueDB: p.diffractionMedian.totalDB),
                    .init(name: "diffraction, p %", symbol: "Ldp", equation: "eq. 41", valueDB: p.diffractionDB),
                    .init(name: "diffraction basic loss, p %", symbol: "Lbd", equation: "eq. 43", valueDB: p.diffractionBasicDB),
                    .init(name: "tropospheric scatter", symbol: "Lbs", equation: "eq. 44", valueDB: p.troposcatterDB),
                    .init(name: "ducting / layer reflection", symbol: "Lba", equation: "eq. 46", valueDB: p.ductingDB),
                    .init(name: "diffraction and ducting blended", symbol: "Lbam", equation: "eq. 62", valueDB: p.modifiedDiffractionDB),
                    .init(name: "all mechanisms, 50 % locations", symbol: "Lbc", equation: "eq. 63", valueDB: p.combinedDB),
                    .init(name: "location variability σ (used when pL ≠ 50 %)", symbol: "σL", equation: "§4.9", valueDB: p.locationSigmaDB),
                ]
                // The radio-climatic zones of the path (§3.6, Table 2) and what they set.
                let values: [LinkReport.Value] = [
                    .init(name: "fraction of the path over sea (ω)", value: p.climate.seaFraction, unit: ""),
                    .init(name: "longest continuous land section (dtm)", value: p.climate.longestLandKm, unit: "km"),
                    .init(name: "longest continuous inland section (dlm)", value: p.climate.longestInlandKm, unit: "km"),
                    .init(name: "transmitter's distance over land to the coast (dct)", value: link.txCoastDistanceKm, unit: "km"),
                    .init(name: "receiver's distance over land to the coast (dcr)", value: link.rxCoastDistanceKm, unit: "km"),
                    .init(name: "time refractivity gradients exceed 100 N-units/km (β0)", value: p.climate.beta0Percent, unit: "%"),
                ]
                results.append(.init(model: "ITU-R P.1812-8", basicTransmissionLossDB: p.basicTransmissionLossDB,
                                     fieldStrength1kWDBuVm: p.fieldStrengthFor1kWDBuVm, terms: terms, values: values))
            case .itm:
                var r = try ITMLinkResult.make(profile: profile, link: link, options: itm)
                if let c = receiverClass { try ProfileClutter.addReceiverCorrection(to: &r, receiverClass: c, link: link) }
                results.append(r)
            }
        }
        let n = profile.count
        return LinkReport(
            source: source, clutter: clutter,
            transmitter: .init(lonDeg: link.txLonDeg, latDeg: link.txLatDeg, groundM: profile.heightsM[0], antennaM: link.txHeightM),
            receiver: .init(lonDeg: link.rxLonDeg, latDeg: link.rxLatDeg, groundM: profile.heightsM[n - 1], antennaM: link.rxHeightM),
            pathLengthKm: a.pathLengthKm, points: n, spacingM: spacingM, frequencyMHz: link.frequencyGHz * 1000,
            timePercent: link.timePercent, locationPercent: link.locationPercent,
            polarization: link.polarization == .vertical ? "vertical" : "horizontal", deltaN: link.deltaN, n0: link.n0,
            lineOfSight: !a.isTransHorizon, txHorizonAngleMrad: a.txHorizonAngleMrad, txHorizonDistanceKm: a.txHorizonKm,
            rxHorizonAngleMrad: a.rxHorizonAngleMrad, rxHorizonDistanceKm: a.rxHorizonKm,
            angularDistanceMrad: a.angularDistanceMrad, results: results)
    }
}
