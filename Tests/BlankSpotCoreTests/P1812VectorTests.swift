import BlankSpotCore
import Foundation
import Testing
import TestSupport

/// The ITU-R P.1812 validation set (OFCOM reference run; Tests/Fixtures/p1812): every
/// dataset's basic transmission loss within 0.001 dB, every logged intermediate value within a
/// relative 1e-7 (the logs print about ten significant digits).
enum P1812Vectors {
    static let root = Fixtures.path("p1812")

    /// "rburg_urban_with_clutter_3" for each `<profile>_<k>_log.csv`.
    static let cases: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: root + "/validation_results")) ?? []
        return files.filter { $0.hasSuffix("_log.csv") }.map { String($0.dropLast("_log.csv".count)) }.sorted()
    }()

    static func log(_ name: String) throws -> [String: Double] {
        var values: [String: Double] = [:]
        let text = try String(contentsOfFile: root + "/validation_results/\(name)_log.csv", encoding: .utf8)
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard f.count >= 4, !f[0].isEmpty, let v = Double(f[3]) else { continue }
            let key = (f[0] + " " + f[1]).trimmingCharacters(in: .whitespaces)
            values[key] = v
        }
        return values
    }

    /// The link and profile of dataset `name` the way the reference run builds them.
    static func input(_ name: String) throws -> (P1812Link, P1812Profile, ProfileFile.Measurement) {
        let profileName = String(name[..<name.lastIndex(of: "_")!])
        let k = Int(name[name.index(after: name.lastIndex(of: "_")!)...])!
        let path = root + "/validation_profiles/\(profileName).csv"
        let file = try ProfileFile(text: String(contentsOfFile: path, encoding: .utf8), file: path)
        let m = file.measurements[k]
        let atSea = { (zone: RadioClimaticZone) in zone == .sea }
        let link = P1812Link(
            frequencyGHz: m.frequencyMHz / 1000, timePercent: m.timePercent, locationPercent: 50,
            txLatDeg: file.txLatDeg!, txLonDeg: file.txLonDeg!, rxLatDeg: file.rxLatDeg!, rxLonDeg: file.rxLonDeg!,
            txHeightM: m.txHeightM, rxHeightM: m.rxHeightM, polarization: m.polarization,
            deltaN: file.deltaN!, n0: file.n0!,
            txCoastDistanceKm: atSea(file.profile.zones.first!) ? 0 : 500,
            rxCoastDistanceKm: atSea(file.profile.zones.last!) ? 0 : 500)
        return (link, file.profile, m)
    }
}

@Suite struct P1812VectorTests {
    /// 16 profiles: 15 with three datasets (p = 1, 10, 50 %) and one with six frequencies.
    @Test func allDatasetsArePresent() {
        #expect(P1812Vectors.cases.count == 51)
    }

    @Test(arguments: P1812Vectors.cases)
    func referenceDataset(_ name: String) throws {
        let (link, profile, measurement) = try P1812Vectors.input(name)
        let log = try P1812Vectors.log(name)
        let r = try P1812.predict(link: link, profile: profile)

        // The primary check: Lb within 0.001 dB of the log and of the profile file's column 18,
        // Ep for the file's ERP within 0.001 dB of column 17.
        let lb = try #require(log["Lb (dB) Eq (69)"])
        #expect(abs(r.basicTransmissionLossDB - lb) <= 0.001, "Lb \(r.basicTransmissionLossDB) vs \(lb)")
        print("P.1812 \(name): Lb \(r.basicTransmissionLossDB) reference \(lb) difference \(r.basicTransmissionLossDB - lb)")
        if let expected = measurement.expectedLossDB {
            #expect(abs(r.basicTransmissionLossDB - expected) <= 0.001)
        }
        if let erp = measurement.erpDBW, let expected = measurement.expectedFieldDBuVm {
            let erpKW = pow(10, erp / 10) / 1000
            #expect(abs(r.fieldStrengthDBuVm(erpKW: erpKW) - expected) <= 0.001)
        }

        let a = r.analysis, c = r.climate
        let mine: [String: Double] = [
            "d (km)": a.pathLengthKm, "dlt (km) Eq (78)": a.txHorizonKm, "dlr (km) Eq (81a)": a.rxHorizonKm,
            "th_t (mrad) Eqs (76-78)": a.txHorizonAngleMrad, "th_r (mrad) Eqs (79-81)": a.rxHorizonAngleMrad,
            "th (mrad) Eq (82)": a.angularDistanceMrad, "hts (m)": a.txAltitudeM, "hrs (m)": a.rxAltitudeM,
            "w Table 5": c.seaFraction, "dtm (km) Sec 3.6": c.longestLandKm, "dlm (km) Sec 3.6": c.longestInlandKm,
            "phi (deg) Eq (4)": c.pathCentreLatDeg, "b0 (%) Eq (5)": c.beta0Percent, "ae (km) Eq (7a)": c.effectiveEarthRadiusKm,
            "hst (m) Eq (85)": a.smoothTxM, "hsr (m) Eq (86)": a.smoothRxM,
            "hst (m) Eq (90a)": a.smoothTxLimitedM, "hsr (m) Eq (90b)": a.smoothRxLimitedM,
            "hstd (m) Eq (89)": a.diffractionSmoothTxM, "hsrd (m) Eq (89)": a.diffractionSmoothRxM,
            "htc (m) Eq (37a)": a.diffractionTxHeightM, "hrc (m) Eq (37b)": a.diffractionRxHeightM,
            "hte (m) Eq (92a)": a.ductingTxHeightM, "hre (m) Eq (92b)": a.ductingRxHeightM, "hm (m) Eq (93)": a.roughnessM,
            "Fi Eq (40)": r.fi, "Fj Eq (57)": r.fj, "Fk Eq (58)": r.fk,
            "Lbfs Eq (8)": r.freeSpaceDB, "Lb0p Eq (10)": r.lineOfSightDB, "Lb0b Eq (11)": r.lineOfSightBeta0DB,
            // The reference logs the aβ run's Bullington and spherical parts (computed last).
            "Lbulla (dB) Eq (21)": r.diffractionBeta.actualDB, "Lbulls (dB) Eq (21)": r.diffractionBeta.smoothDB,
            "Ldsph (dB) Eq (27)": r.diffractionBeta.sphericalDB,
            "Ld50 (dB) Eq (39)": r.diffractionMedian.totalDB, "Ldb (dB) Eq (39)": r.diffractionBeta.totalDB,
            "Ldp (dB) Eq (41)": r.diffractionDB, "Lbd50 (dB) Eq (42)": r.diffractionMedianBasicDB,
            // The reference logs Lbda under this label (see Tests/Fixtures/p1812/README.md).
            "Lbd (dB) Eq (43)": r.diffractionDuctingDB,
            "Lbs (dB) Eq (44)": r.troposcatterDB, "Lba (dB) Eq (46)": r.ductingDB,
            "Lminb0p (dB) Eq (59)": r.minLineOfSightDiffractionDB, "Lminbap (dB) Eq (60)": r.minLineOfSightDuctingDB,
            "Lbda (dB) Eq (61)": r.diffractionDuctingDB, "Lbam (dB) Eq (62)": r.modifiedDiffractionDB,
            "Lbc (dB) Eq (63)": r.combinedDB, "Lb (dB) Eq (69)": r.basicTransmissionLossDB,
            "Ep (dBuV/m) Eq (70)": r.fieldStrengthFor1kWDBuVm,
        ]
        for (key, value) in mine {
            let expected = try #require(log[key], "the log has no '\(key)'")
            let tolerance = max(1e-7 * abs(expected), 1e-9)
            #expect(abs(value - expected) <= tolerance, "\(key): \(value) vs reference \(expected)")
        }
        // The diffraction part below Lbd (eq. 43) is checked on its own: Lb0p + Ldp.
        #expect(abs(r.diffractionBasicDB - (r.lineOfSightDB + r.diffractionDB)) < 1e-12)
    }
}

@Suite struct ClosedFormPropagationTests {
    /// Free space against Friis' formula written out: L = 20·log10(4πd/λ) with λ = c/f.
    /// P.1812's 92.4 + 20·log f(GHz) + 20·log d(km) rounds 20·log10(4π·10¹²/c) = 92.45 to 92.4,
    /// so the two agree within 0.05 dB at every distance and frequency.
    @Test(arguments: [(0.1, 100.0), (1.0, 900.0), (10.0, 1800.0), (30.0, 2600.0), (50.0, 3500.0)])
    func freeSpaceMatchesFriis(distanceKm: Double, frequencyMHz: Double) {
        let c = 299_792_458.0
        let friis = 20 * log10(4 * Double.pi * distanceKm * 1000 * frequencyMHz * 1e6 / c)
        let p1812 = FreeSpace.lossDB(distanceKm: distanceKm, frequencyGHz: frequencyMHz / 1000)
        #expect(abs(p1812 - friis) < 0.05)
        #expect(abs(p1812 - friis - (92.4 - 92.4486)) < 1e-3)   // exactly the rounded constant
    }

    /// J(ν) of ITU-R P.526 eq. 31 against the exact Fresnel–Kirchhoff knife-edge loss
    /// J = −20·log10(√((1 − C − S)² + (C − S)²)/2) with the Fresnel integrals C(ν), S(ν)
    /// integrated numerically here. P.526 presents eq. 31 as an approximation; it stays within
    /// 0.15 dB of the exact loss for −0.78 ≤ ν ≤ 5 (largest gap 0.12 dB at ν = 5), and at ν = 0
    /// both are ≈ 6 dB (exact: 20·log10 2 = 6.02 dB).
    @Test(arguments: [-0.78, -0.5, 0.0, 0.5, 1.0, 2.4, 5.0])
    func knifeEdgeMatchesFresnelKirchhoff(nu: Double) {
        func fresnel(_ x: Double) -> (c: Double, s: Double) {
            // Simpson's rule on ∫0^x cos(πt²/2) dt and ∫0^x sin(πt²/2) dt.
            let n = 20_000
            let h = x / Double(n)
            var c = 0.0, s = 0.0
            for i in 0...n {
                let t = Double(i) * h
                let w: Double = (i == 0 || i == n) ? 1 : (i % 2 == 1 ? 4 : 2)
                c += w * cos(Double.pi * t * t / 2)
                s += w * sin(Double.pi * t * t / 2)
            }
            return (c * h / 3, s * h / 3)
        }
        let (c, s) = fresnel(nu)
        let exact = -20 * log10(((1 - c - s) * (1 - c - s) + (c - s) * (c - s)).squareRoot() / 2)
        #expect(abs(KnifeEdge.lossDB(nu: nu) - exact) < 0.15, "ν = \(nu): eq. 31 \(KnifeEdge.lossDB(nu: nu)), exact \(exact)")
        if nu == 0 { #expect(abs(exact - 20 * log10(2.0)) < 1e-6) }
    }

    @Test func knifeEdgeBelowThresholdIsZero() {
        #expect(KnifeEdge.lossDB(nu: -0.78) == 0)
        #expect(KnifeEdge.lossDB(nu: -3) == 0)
    }

    /// A single knife edge in the middle of a P.1812 path: with the edge far above the line
    /// between the antennas, Bullington's construction is exact (both horizons touch the edge),
    /// so Luc = J(ν) with ν from P.526 eq. 26 for that edge.
    @Test func singleKnifeEdgeBullington() {
        let d = (0...100).map { Double($0) * 0.2 }   // 20 km, 200 m steps
        var h = [Double](repeating: 0, count: d.count)
        h[50] = 150   // 10 km from each end
        let ap = 1e12   // flat earth: no curvature
        let f = 1.0
        let loss = P1812Diffraction.bullingtonLossDB(distancesKm: d, heightsM: h, htsM: 20, hrsM: 20,
                                                     effectiveEarthRadiusKm: ap, frequencyGHz: f)
        let nu = KnifeEdge.nu(heightM: 130, d1Km: 10, d2Km: 10, wavelengthM: 0.2998)
        let luc = KnifeEdge.lossDB(nu: nu)
        let expected = luc + (1 - exp(-luc / 6)) * (10 + 0.02 * 20)
        #expect(abs(loss - expected) < 1e-6)   // ae = 10¹² km leaves a 10⁻⁹ dB curvature term
    }
}
