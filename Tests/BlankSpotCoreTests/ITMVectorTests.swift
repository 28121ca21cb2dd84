import BlankSpotCore
import Foundation
import Testing
import TestSupport

/// NTIA's ITM v1.4 reference cases (Tests/Fixtures/itm): the loss of every case within 0.1 dB,
/// and the driver's intermediate values within half a unit of their last printed digit.
enum ITMVectors {
    static let root = Fixtures.path("itm")

    static func csvRows(_ name: String, header: Bool) throws -> [[Double]] {
        let text = try String(contentsOfFile: root + "/" + name, encoding: .utf8)
        let lines = text.split(whereSeparator: \.isNewline).dropFirst(header ? 1 : 0)
        return lines.map { $0.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces))! } }
    }

    /// `key,value` lines of a driver input file.
    static func driverInput(_ name: String) throws -> [String: String] {
        let text = try String(contentsOfFile: root + "/cmd_examples/" + name, encoding: .utf8)
        var values: [String: String] = [:]
        for line in text.split(whereSeparator: \.isNewline) {
            guard let comma = line.firstIndex(of: ",") else { continue }
            values[String(line[..<comma]).trimmingCharacters(in: .whitespaces)] = String(line[line.index(after: comma)...]).trimmingCharacters(in: .whitespaces)
        }
        return values
    }

    /// Lines of a driver report: label (words up to two spaces) → the first number after it.
    static func driverReport(_ name: String) throws -> (values: [String: Double], lines: [String]) {
        let text = try String(contentsOfFile: root + "/cmd_examples/" + name, encoding: .utf8)
        var values: [String: Double] = [:]
        let lines = text.components(separatedBy: .newlines)
        for line in lines {
            guard let gap = line.range(of: "  ") else { continue }
            let label = String(line[..<gap.lowerBound])
            let rest = line[gap.upperBound...].trimmingCharacters(in: .whitespaces)
            if let token = rest.split(separator: " ").first, let v = Double(token) { values[label] = v }
        }
        return (values, lines)
    }

    static func parameters(_ i: [String: String]) -> ITMParameters {
        ITMParameters(txHeightM: Double(i["h_tx__meter"]!)!, rxHeightM: Double(i["h_rx__meter"]!)!, climate: Int(i["climate"]!)!,
                      n0: Double(i["N_0"]!)!, frequencyMHz: Double(i["f__mhz"]!)!, polarization: Int(i["pol"]!)!,
                      permittivity: Double(i["epsilon"]!)!, conductivitySPerM: Double(i["sigma"]!)!, mdvar: Int(i["mdvar"]!)!)
    }

    /// The driver's profile file: `np, spacing, z0, …`.
    static func driverProfile() throws -> (elevations: [Double], spacingM: Double) {
        let text = try String(contentsOfFile: root + "/cmd_examples/pfl.txt", encoding: .utf8)
        let v = text.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespacesAndNewlines))! }
        #expect(v.count == Int(v[0]) + 3)
        return (Array(v[2...]), v[1])
    }
}

@Suite struct ITMVectorTests {
    /// p2p.csv with pfls.csv: 5 profiles of 79–3680 points, five climates.
    @Test(arguments: 0..<5)
    func pointToPointCase(_ k: Int) throws {
        let c = try ITMVectors.csvRows("p2p.csv", header: true)[k]
        let pfl = try ITMVectors.csvRows("pfls.csv", header: false)[k]
        #expect(pfl.count == Int(pfl[0]) + 3)
        let p = ITMParameters(txHeightM: c[0], rxHeightM: c[1], climate: Int(c[7]), n0: c[4], frequencyMHz: c[5],
                              polarization: Int(c[6]), permittivity: c[2], conductivitySPerM: c[3], mdvar: Int(c[11]))
        let r = try ITM.pointToPoint(elevationsM: Array(pfl[2...]), spacingM: pfl[1], parameters: p,
                                     variability: .timeLocationSituation(timePercent: c[8], locationPercent: c[9], situationPercent: c[10]))
        print("ITM p2p case \(k): \(r.basicTransmissionLossDB) dB, reference \(c[12]), mode \(r.mode), Δh \(r.deltaHM)")
        // The reference prints 2 decimals: 0.1 dB is the tolerance.
        #expect(abs(r.basicTransmissionLossDB - c[12]) <= 0.1, "case \(k): \(r.basicTransmissionLossDB) vs \(c[12])")
    }

    /// area.csv: 5 cases with every siting criterion and variability mode.
    @Test(arguments: 0..<5)
    func areaCase(_ k: Int) throws {
        let c = try ITMVectors.csvRows("area.csv", header: true)[k]
        let p = ITMParameters(txHeightM: c[0], rxHeightM: c[1], climate: Int(c[12]), n0: c[9], frequencyMHz: c[10],
                              polarization: Int(c[11]), permittivity: c[7], conductivitySPerM: c[8], mdvar: Int(c[3]))
        let r = try ITM.area(distanceKm: c[4], deltaHM: c[2], txSiting: ITMSiting(rawValue: Int(c[5]))!,
                             rxSiting: ITMSiting(rawValue: Int(c[6]))!, parameters: p,
                             variability: .timeLocationSituation(timePercent: c[13], locationPercent: c[14], situationPercent: c[15]))
        print("ITM area case \(k): \(r.basicTransmissionLossDB) dB, reference \(c[16])")
        // One printed decimal (±0.05) within the 0.1 dB tolerance.
        #expect(abs(r.basicTransmissionLossDB - c[16]) <= 0.1, "case \(k): \(r.basicTransmissionLossDB) vs \(c[16])")
    }

    /// The driver examples with a single result: loss, mode and every intermediate value.
    @Test(arguments: ["p2ptls", "p2pcr", "areatls", "areacr"])
    func driverExample(_ name: String) throws {
        let i = try ITMVectors.driverInput("i_\(name).txt")
        let (o, _) = try ITMVectors.driverReport("o_\(name).txt")
        let p = ITMVectors.parameters(i)
        let variability: ITMVariability = name.hasSuffix("tls")
            ? .timeLocationSituation(timePercent: Double(i["time"]!)!, locationPercent: Double(i["location"]!)!, situationPercent: Double(i["situation"]!)!)
            : .confidenceReliability(confidencePercent: Double(i["confidence"]!)!, reliabilityPercent: Double(i["reliability"]!)!)
        let r: ITMResult
        if name.hasPrefix("p2p") {
            let pfl = try ITMVectors.driverProfile()
            r = try ITM.pointToPoint(elevationsM: pfl.elevations, spacingM: pfl.spacingM, parameters: p, variability: variability)
        } else {
            r = try ITM.area(distanceKm: Double(i["d__km"]!)!, deltaHM: Double(i["delta_h__meter"]!)!,
                             txSiting: ITMSiting(rawValue: Int(i["tx_site_criteria"]!)!)!,
                             rxSiting: ITMSiting(rawValue: Int(i["rx_site_criteria"]!)!)!, parameters: p, variability: variability)
        }
        // Each value against the report, to half a unit of the last digit it prints.
        let checks: [(String, Double, Double)] = [
            ("Basic Transmission Loss", r.basicTransmissionLossDB, 0.05),
            ("Free Space", r.freeSpaceDB, 0.05),
            ("d__km", r.distanceKm, 0.0005),
            ("theta_hzn_tx", r.txHorizonAngleRad * 1000, 0.0005),
            ("theta_hzn_rx", r.rxHorizonAngleRad * 1000, 0.0005),
            ("d_hzn_tx__meter", r.txHorizonDistanceM, 0.5),
            ("d_hzn_rx__meter", r.rxHorizonDistanceM, 0.5),
            ("h_e_tx__meter", r.txEffectiveHeightM, 0.05),
            ("h_e_rx__meter", r.rxEffectiveHeightM, 0.05),
            ("N_s", r.surfaceRefractivity, 0.05),
            ("delta_h__meter", r.deltaHM, 0.05),
            ("A_ref__db", r.referenceAttenuationDB, 0.05),
        ]
        for (label, mine, tolerance) in checks {
            let expected = try #require(o[label], "\(label) in o_\(name).txt")
            #expect(abs(mine - expected) <= tolerance + 1e-9, "\(name) \(label): \(mine) vs \(expected)")
        }
        #expect(r.mode.rawValue == Int(try #require(o["Mode of Propagation"])))
        #expect(r.warning == 0)
    }

    /// p2pcr_tbl: reliability × confidence table over the driver profile.
    @Test func pointToPointConfidenceTable() throws {
        let pfl = try ITMVectors.driverProfile()
        let p = ITMVectors.parameters(try ITMVectors.driverInput("i_p2pcr_tbl.txt"))
        let (_, lines) = try ITMVectors.driverReport("o_p2pcr_tbl.txt")
        let confidences = [10.0, 60, 90]
        var rows = 0
        for line in lines {
            let f = line.split(separator: " ").compactMap { Double($0) }
            guard f.count == 4, [10.0, 65, 90].contains(f[0]) else { continue }
            rows += 1
            for (j, c) in confidences.enumerated() {
                let r = try ITM.pointToPoint(elevationsM: pfl.elevations, spacingM: pfl.spacingM, parameters: p,
                                             variability: .confidenceReliability(confidencePercent: c, reliabilityPercent: f[0]))
                #expect(abs(r.basicTransmissionLossDB - f[j + 1]) <= 0.05 + 1e-9, "rel \(f[0]) conf \(c): \(r.basicTransmissionLossDB) vs \(f[j + 1])")
            }
        }
        #expect(rows == 3)
    }

    /// areacr_tbl: free space and three confidences at 19 distances from 10 to 1000 km
    /// (line of sight, diffraction and troposcatter); losses within the issue's 0.1 dB (the
    /// table prints one decimal).
    @Test func areaDistanceTable() throws {
        let i = try ITMVectors.driverInput("i_areacr_tbl.txt")
        let p = ITMVectors.parameters(i)
        let (_, lines) = try ITMVectors.driverReport("o_areacr_tbl.txt")
        var rows = 0
        var modes = Set<ITMPropagationMode>()
        var worst = 0.0
        for line in lines {
            let f = line.split(separator: " ").compactMap { Double($0) }
            guard f.count == 5, line.first?.isNumber == true else { continue }
            rows += 1
            for (j, c) in [50.0, 75, 90].enumerated() {
                let r = try ITM.area(distanceKm: f[0], deltaHM: Double(i["delta_h__meter"]!)!, txSiting: .random, rxSiting: .random,
                                     parameters: p, variability: .confidenceReliability(confidencePercent: c, reliabilityPercent: 90))
                #expect(abs(r.freeSpaceDB - f[1]) <= 0.05 + 1e-9)
                worst = max(worst, abs(r.basicTransmissionLossDB - f[j + 2]))
                #expect(abs(r.basicTransmissionLossDB - f[j + 2]) <= 0.1, "\(f[0]) km conf \(c): \(r.basicTransmissionLossDB) vs \(f[j + 2])")
                modes.insert(r.mode)
            }
        }
        #expect(rows == 19)
        #expect(modes == [.lineOfSight, .diffraction, .troposcatter])
        // Measured: 0.054 dB at most (beyond 600 km, confidence 75–90 %), the rest rounding.
        print("ITM areacr_tbl: largest difference \(worst) dB over 57 values")
    }

    /// Out-of-range inputs are refused with the parameter's name.
    @Test func refusesBadInputs() {
        var p = ITMParameters(frequencyMHz: 900, txHeightM: 30, rxHeightM: 1.5)
        p.frequencyMHz = 10
        #expect(throws: ModelInputError.self) {
            try ITM.area(distanceKm: 10, deltaHM: 90, txSiting: .random, rxSiting: .random, parameters: p,
                         variability: .timeLocationSituation(timePercent: 50, locationPercent: 50, situationPercent: 50))
        }
        p.frequencyMHz = 900
        #expect(throws: ModelInputError.self) {
            try ITM.pointToPoint(elevationsM: [1, .nan, 3], spacingM: 30, parameters: p,
                                 variability: .timeLocationSituation(timePercent: 50, locationPercent: 50, situationPercent: 50))
        }
    }
}
