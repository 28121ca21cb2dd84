import BlankSpotCore

/// The model a coverage run evaluates per cell.
public enum CoverageModelKind: String, Sendable, CaseIterable, Codable {
    /// Line of sight over a k-earth: served = visible from the antenna.
    case los
    /// Free-space loss (no terrain).
    case fspl
    /// Okumura–Hata / COST 231 Hata (terrain only through antenna heights).
    case hata
    /// ITU-R P.1812 with the terrain of every ray (the default).
    case p1812
    /// ITM (Longley–Rice) point to point over every ray's profile (slower; for comparison).
    case itm
}

/// The radio parameters of a signal coverage run.
public struct SignalOptions: Sendable {
    public var thresholds = ServiceThresholds()
    /// Hata's environment everywhere; nil = each receiver cell's land-cover class (rural
    /// without clutter).
    public var environment: Hata.Environment?
    public var timePercent = 50.0
    public var locationPercent = 50.0
    public var deltaN = TropicalDefaults.deltaN
    public var n0 = TropicalDefaults.n0
    public var polarization: Polarization = .vertical
    public var itm = ITMOptions()

    public init() {}

    /// ITM's coverage settings: refractivity, polarisation and time shared with P.1812.
    public var itmCoverage: ITMCoverageSettings {
        ITMCoverageSettings(climate: itm.climate, n0: n0, ground: itm.ground, polarization: polarization == .vertical ? 1 : 0,
                            timePercent: timePercent, situationPercent: itm.situationPercent)
    }

    /// Parses `4G=-105,2G=-95` (technology names as in the tower table) onto `thresholds`.
    public mutating func applyThresholdList(_ text: String) throws {
        thresholds = try ServiceThresholds.parsingList(text, onto: thresholds)
    }
}

extension CoverageModelKind {
    /// The engine's model for this kind.
    func engineModel(_ o: SignalOptions) -> CoverageModel {
        switch self {
        case .los: return .lineOfSight
        case .fspl: return .signal(.freeSpace, o.thresholds)
        case .hata: return .signal(.hata(o.environment), o.thresholds)
        case .p1812:
            return .signal(.p1812(P1812AreaSettings(frequencyGHz: 1, timePercent: o.timePercent, locationPercent: o.locationPercent,
                                                    rxHeightM: 1.5, polarization: o.polarization, deltaN: o.deltaN, n0: o.n0)),
                           o.thresholds)
        case .itm: return .signal(.itm(o.itmCoverage), o.thresholds)
        }
    }

    /// Whether the model uses clutter: P.1812 on its profile, ITM at the receiver (P.2108 §3.1),
    /// Hata through the receiver's environment.
    var usesClutter: Bool { self == .p1812 || self == .itm || self == .hata }

    /// How the model uses the clutter, for run.json and the rasters' metadata.
    func clutterRule(_ o: SignalOptions) -> String {
        switch self {
        case .p1812: return "P.1812 §3.2: profile g = h + R between the terminals, terminals on bare ground; paths taken as inland"
        case .itm: return "ITM runs on bare terrain; the receiver cell's clutter adds the terminal correction of ITU-R P.2108-1 §3.1"
        case .hata:
            return o.environment.map { "Hata environment \($0.rawValue) everywhere (--environment)" }
                ?? "Hata environment of each receiver cell's land-cover class"
        case .los, .fspl: return "not used"
        }
    }

    /// Checks the towers' parameters against the model's domain: errors name the tower.
    func validate(_ sites: [GridSite], options o: SignalOptions, settings: SweepSettings, hasLandCover: Bool,
                  warn: (String) -> Void) throws {
        switch self {
        case .los, .fspl: return
        case .p1812:
            let base = P1812AreaSettings(frequencyGHz: 1, timePercent: o.timePercent, locationPercent: o.locationPercent,
                                         rxHeightM: settings.rxHeightM, deltaN: o.deltaN, n0: o.n0)
            do { try base.validate() } catch let e as ModelInputError { throw UsageError("P.1812 \(e.parameter): \(e.message)") }
            for s in sites where !(30...6000).contains(s.tower.frequencyMHz) {
                throw InputError(file: s.tower.origin, field: "frequency_mhz",
                                 message: "tower '\(s.tower.id)': P.1812 covers 30–6000 MHz, got \(s.tower.frequencyMHz)")
            }
        case .itm:
            for s in sites {
                let p = o.itmCoverage.parametersForValidation(frequencyMHz: s.tower.frequencyMHz, txHeightM: s.tower.heightM, rxHeightM: settings.rxHeightM)
                do { try ITM.validate(p, o.itmCoverage.variabilityForValidation) } catch let e as ModelInputError {
                    throw InputError(file: s.tower.origin, field: e.parameter == "frequency" ? "frequency_mhz" : (e.parameter == "tx height" ? "height_m" : e.parameter),
                                     message: "tower '\(s.tower.id)': ITM \(e.parameter) \(e.message)")
                }
            }
            let range = P2108.frequencyRangeGHz
            for s in sites where hasLandCover && !range.contains(s.tower.frequencyMHz / 1000) {
                throw InputError(file: s.tower.origin, field: "frequency_mhz",
                                 message: "tower '\(s.tower.id)': ITM's receiver clutter correction (ITU-R P.2108-1 §3.1) covers \(Int(range.lowerBound * 1000))–\(Int(range.upperBound * 1000)) MHz, got \(s.tower.frequencyMHz); use --model p1812, or --clutter none for bare terrain")
            }
        case .hata:
            for s in sites where !Hata.frequencyRangeMHz.contains(s.tower.frequencyMHz) {
                throw InputError(file: s.tower.origin, field: "frequency_mhz",
                                 message: "tower '\(s.tower.id)': Hata covers 150–2000 MHz, got \(s.tower.frequencyMHz)")
            }
            var notes = Set<String>()
            for s in sites {
                for w in Hata.domainWarnings(frequencyMHz: s.tower.frequencyMHz, baseHeightM: s.tower.heightM,
                                             mobileHeightM: settings.rxHeightM, maxDistanceKm: settings.radiusM / 1000) {
                    notes.insert(w)
                }
            }
            for n in notes.sorted() { warn("Hata: \(n); the formula is extrapolated there") }
        }
    }
}
