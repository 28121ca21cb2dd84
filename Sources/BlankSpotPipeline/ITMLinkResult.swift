import BlankSpotCore
import Foundation

/// The radio-climate and ground choices of ITM runs (profile, coverage, village confirmation).
public struct ITMOptions: Sendable, Equatable {
    /// ITM radio climate 1–7 (1 equatorial: Indonesia).
    public var climate = 1
    public var ground: ITMGround = .average
    /// Situation (confidence) percentage; time comes from the run's time percentage.
    public var situationPercent = 50.0

    public init() {}

    /// ITM's parameters for one link.
    public func parameters(frequencyMHz: Double, txHeightM: Double, rxHeightM: Double, n0: Double, polarization: Polarization) -> ITMParameters {
        ITMParameters(frequencyMHz: frequencyMHz, txHeightM: txHeightM, rxHeightM: rxHeightM, climate: climate, n0: n0,
                      ground: ground, polarization: polarization == .vertical ? 1 : 0)
    }

    public var label: String {
        "climate \(climate), \(ground.rawValue) ground (εr \(CSVWriter.number(ground.permittivity)), σ \(CSVWriter.number(ground.conductivitySPerM)) S/m), mobile mode without location variability (mdvar 12), situations \(CSVWriter.number(situationPercent)) %"
    }
}

/// ITM's part of a `blankspot profile` report.
enum ITMLinkResult {
    static func make(profile: P1812Profile, link: P1812Link, options: ITMOptions) throws -> LinkReport.ModelResult {
        let pfl = ITM.equallySpaced(distancesM: profile.distancesKm.map { $0 * 1000 }, heightsM: profile.heightsM)
        let parameters = options.parameters(frequencyMHz: link.frequencyGHz * 1000, txHeightM: link.txHeightM, rxHeightM: link.rxHeightM,
                                            n0: link.n0, polarization: link.polarization)
        let r: ITMResult
        do {
            r = try ITM.pointToPoint(elevationsM: pfl.elevationsM, spacingM: pfl.spacingM, parameters: parameters,
                                     variability: .timeLocationSituation(timePercent: link.timePercent, locationPercent: link.locationPercent,
                                                                         situationPercent: options.situationPercent))
        } catch let e as ModelInputError {
            throw UsageError("ITM \(e.parameter): \(e.message)")
        }
        let terms: [LinkReport.Term] = [
            .init(name: "free space", symbol: "Afs", equation: "32.45 + 20 log f + 20 log d", valueDB: r.freeSpaceDB),
            .init(name: "reference attenuation (\(r.mode.name))", symbol: "Aref", equation: "lrprop", valueDB: r.referenceAttenuationDB),
            .init(name: "variability adjustment", symbol: "A − Aref", equation: "avar",
                  valueDB: r.basicTransmissionLossDB - r.freeSpaceDB - r.referenceAttenuationDB),
        ]
        let values: [LinkReport.Value] = [
            .init(name: "propagation mode", value: Double(r.mode.rawValue), unit: r.mode.name, decimals: 0),
            .init(name: "terrain irregularity Δh", value: r.deltaHM, unit: "m"),
            .init(name: "effective height, transmitter", value: r.txEffectiveHeightM, unit: "m"),
            .init(name: "effective height, receiver", value: r.rxEffectiveHeightM, unit: "m"),
            .init(name: "horizon angle, transmitter", value: r.txHorizonAngleRad * 1000, unit: "mrad"),
            .init(name: "horizon angle, receiver", value: r.rxHorizonAngleRad * 1000, unit: "mrad"),
            .init(name: "horizon distance, transmitter", value: r.txHorizonDistanceM / 1000, unit: "km"),
            .init(name: "horizon distance, receiver", value: r.rxHorizonDistanceM / 1000, unit: "km"),
            .init(name: "surface refractivity Ns", value: r.surfaceRefractivity, unit: "N-units"),
            .init(name: "warning level", value: Double(r.warning), unit: warningText(r.warning), decimals: 0),
        ]
        let f = link.frequencyGHz
        return .init(model: "ITM (Longley-Rice) 1.2.2, point to point: \(options.label)", basicTransmissionLossDB: r.basicTransmissionLossDB,
                     fieldStrength1kWDBuVm: 199.36 + 20 * log10(f) - r.basicTransmissionLossDB, terms: terms, values: values)
    }
}

extension ITMLinkResult {
    /// What ITM's warning levels mean (``ITMResult/warning``).
    static func warningText(_ level: Int) -> String {
        switch level {
        case 0: "none"
        case 1: "a parameter outside ITM's recommended range"
        case 2: "a default was substituted"
        case 3: "path outside the range of ITM's internal fits (e.g. horizon angle over 200 mrad)"
        default: "result unlikely to be meaningful (e.g. path under 1 km)"
        }
    }
}
