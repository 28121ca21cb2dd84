import BlankSpotCore
import Foundation
import Testing

@Suite struct SignalModelTests {
    static func site(_ terrain: TerrainRaster, col: Int, row: Int, heightM: Double, eirp: Double = 40,
                     frequencyMHz: Double = 1800, azimuth: Double? = nil, index: Int = 0) -> GridSite {
        let tower = Tower(id: "S\(index)", lonDeg: 115.5, latDeg: -2.5, heightM: heightM, eirpDBm: eirp, frequencyMHz: frequencyMHz,
                          azimuthDeg: azimuth, beamwidthDeg: 65, tiltDeg: 0, technology: .lte, origin: "test")
        return GridSite(index: index, col: col, row: row, groundM: Double(terrain.heightM(col: col, row: row)), tower: tower,
                        xM: terrain.grid.centreXM(col: col), yM: terrain.grid.centreYM(row: row))
    }

    /// Free space on flat ground: margin = EIRP + antenna gain − (92.4 + 20 log f + 20 log d_slant)
    /// − threshold, cell by cell, to Float precision.
    @Test func flatTerrainFreeSpaceIsExact() {
        let terrain = TestTerrains.flat(size: 201, cellM: 30, heightM: 12)
        let site = Self.site(terrain, col: 100, row: 100, heightM: 30)
        let settings = SweepSettings(radiusM: 2_900)
        let thresholds = ServiceThresholds()
        let grids = CoverageEngine.run(terrain: terrain, sites: [site], settings: settings, model: .signal(.freeSpace, thresholds), threads: 2)
        let budget = LinkBudget(site: site, thresholds: thresholds)
        var checked = 0
        for r in 0..<201 {
            for c in 0..<201 where !(r == 100 && c == 100) {
                let dc = c - 100, dr = r - 100
                let dM = Double(dc * dc + dr * dr).squareRoot() * 30
                guard dM <= 2_900 else { continue }
                let slantKm = (dM * dM + 28.5 * 28.5).squareRoot() / 1000
                let loss = 92.4 + 20 * log10(1.8) + 20 * log10(slantKm)
                let el = atan2(-28.5, dM) * 180 / .pi
                let gain = -min(12 * (-el / 10) * (-el / 10), 20.0)   // omni: vertical pattern only, no tilt
                let expected = 40 + gain - loss - (-110)
                #expect(abs(Double(grids.bestValue![r * 201 + c]) - expected) < 1e-4)
                checked += 1
            }
        }
        #expect(checked > 29_000)
    }

    /// P.1812 on flat ground within 3 km: the first Fresnel zone is clear (ν < −0.78, J = 0),
    /// the smooth earth is within line of sight with clearance, so Lb is free space (eq. 8).
    @Test func flatTerrainP1812IsFreeSpaceNearby() {
        let terrain = TestTerrains.flat(size: 221, cellM: 30, heightM: 50)
        let site = Self.site(terrain, col: 110, row: 110, heightM: 30)
        let settings = SweepSettings(radiusM: 3_000)
        let thresholds = ServiceThresholds()
        let p1812 = P1812AreaSettings(frequencyGHz: 1.8, rxHeightM: 1.5, deltaN: 45, n0: 375)
        let free = CoverageEngine.run(terrain: terrain, sites: [site], settings: settings, model: .signal(.freeSpace, thresholds), threads: 2)
        let p = CoverageEngine.run(terrain: terrain, sites: [site], settings: settings, model: .signal(.p1812(p1812), thresholds), threads: 2)
        var worst: Float = 0
        for i in 0..<terrain.grid.cellCount where free.bestIndex(at: i) == 0 {
            worst = max(worst, abs(free.bestValue![i] - p.bestValue![i]))
        }
        #expect(worst < 1e-3)
    }

    /// Hata at reference points, worked by hand from the published formulas (f = 1800 MHz
    /// COST 231; 900 MHz Okumura–Hata; hb = 30 m, hm = 1.5 m, d = 5 km):
    /// a(hm) medium city = (1.1·log f − 0.7)·hm − (1.56·log f − 0.8);
    /// L = 46.3 + 33.9·log f − 13.82·log hb − a(hm) + (44.9 − 6.55·log hb)·log d + Cm.
    @Test func hataAtReferencePoints() {
        #expect(abs(Hata.lossDB(frequencyMHz: 1800, baseHeightM: 30, mobileHeightM: 1.5, distanceKm: 5, environment: .suburban) - 148.8791) < 1e-3)
        #expect(abs(Hata.lossDB(frequencyMHz: 1800, baseHeightM: 30, mobileHeightM: 1.5, distanceKm: 5, environment: .urban) - 163.8615) < 1e-3)
        #expect(abs(Hata.lossDB(frequencyMHz: 900, baseHeightM: 30, mobileHeightM: 1.5, distanceKm: 5, environment: .open) - 122.5175) < 1e-3)
        #expect(abs(Hata.lossDB(frequencyMHz: 900, baseHeightM: 30, mobileHeightM: 1.5, distanceKm: 5, environment: .rural) - 127.5175) < 1e-3)
        // The slope with distance is 44.9 − 6.55·log hb dB per decade.
        let l1 = Hata.lossDB(frequencyMHz: 900, baseHeightM: 30, mobileHeightM: 1.5, distanceKm: 1, environment: .urban)
        let l10 = Hata.lossDB(frequencyMHz: 900, baseHeightM: 30, mobileHeightM: 1.5, distanceKm: 10, environment: .urban)
        #expect(abs((l10 - l1) - (44.9 - 6.55 * log10(30.0))) < 1e-9)
        #expect(Hata.domainWarnings(frequencyMHz: 2600, baseHeightM: 20, mobileHeightM: 1.5, maxDistanceKm: 30).count == 3)
    }

    /// 3GPP TR 36.814 pattern: 0 dB at boresight, −3 dB at ±φ3dB/2, −25 dB behind; the vertical
    /// pattern −3 dB at half the vertical beamwidth below the tilt.
    @Test func sectorPatternValues() {
        let a = AntennaPattern(azimuthDeg: 90, beamwidthDeg: 65, tiltDeg: 4)
        #expect(abs(a.relativeGainDB(azimuthDeg: 90, elevationDeg: -4)) < 1e-12)
        #expect(abs(a.relativeGainDB(azimuthDeg: 90 + 32.5, elevationDeg: -4) + 3) < 1e-12)
        #expect(abs(a.relativeGainDB(azimuthDeg: 90 - 32.5, elevationDeg: -4) + 3) < 1e-12)
        #expect(a.relativeGainDB(azimuthDeg: 270, elevationDeg: -4) == -25)
        #expect(abs(a.relativeGainDB(azimuthDeg: 90, elevationDeg: -9) + 3) < 1e-12)
        #expect(abs(a.relativeGainDB(azimuthDeg: 450, elevationDeg: -4)) < 1e-12)   // azimuth wraps
    }

    /// A sector facing east on flat ground. At equal distance the cell due west gets the
    /// front-to-back ratio less than the one due east (25 dB, minus the vertical pattern's
    /// 12·(θ/10°)² that the combined pattern's 25 dB cap absorbs behind). With a threshold 10 dB
    /// below the boresight signal at the disc edge, every cell within ±30° of boresight is
    /// served, and nothing behind the antenna beyond 600 m (there −25 dB + 10 dB + the gain in
    /// free-space loss, 20·log10(2900/600) = 13.7 dB, stays below zero).
    @Test func sectorCoverageIsBoundedByItsBeam() {
        let terrain = TestTerrains.flat(size: 201, cellM: 30, heightM: 0)
        let site = Self.site(terrain, col: 100, row: 100, heightM: 30, eirp: 40, azimuth: 90)
        let settings = SweepSettings(radiusM: 2_900)
        let edgeLoss = 92.4 + 20 * log10(1.8) + 20 * log10(2.9)
        let thresholds = ServiceThresholds(allDBm: 40 - edgeLoss - 10)
        let grids = CoverageEngine.run(terrain: terrain, sites: [site], settings: settings, model: .signal(.freeSpace, thresholds), threads: 2)
        let east = grids.bestValue![100 * 201 + 180], west = grids.bestValue![100 * 201 + 20]
        let el = atan2(28.5, 2400.0) * 180 / .pi
        #expect(abs(Double(east - west) - (25 - 12 * (el / 10) * (el / 10))) < 1e-3)
        var inBeam = 0
        for r in 0..<201 {
            for c in 0..<201 where !(r == 100 && c == 100) {
                let dM = Double((c - 100) * (c - 100) + (r - 100) * (r - 100)).squareRoot() * 30
                guard dM <= 2_900 else { continue }
                let az = atan2(Double(c - 100), Double(100 - r)) * 180 / .pi
                let served = grids.serverCount[r * 201 + c] > 0
                if abs(az - 90) <= 30 { #expect(served, "in the beam at \(az)°, \(dM) m"); inBeam += 1 }
                if abs(az - 90) > 90 && dM > 600 { #expect(!served, "behind the antenna at \(az)°, \(dM) m") }
            }
        }
        #expect(inBeam > 4000)
    }

    /// Margins and best servers do not depend on the thread count for signal models either.
    @Test func signalResultDoesNotDependOnThreadCount() {
        let terrain = TestTerrains.fractal(size: 160, cellM: 30, seed: 4, reliefM: 100, persistence: 0.6)
        let sites = (0..<5).map { Self.site(terrain, col: 30 + 25 * $0, row: 40 + 20 * $0, heightM: 30, index: $0) }
        let model = CoverageModel.signal(.p1812(P1812AreaSettings(frequencyGHz: 0.9, rxHeightM: 1.5, deltaN: 45, n0: 375)), ServiceThresholds())
        let settings = SweepSettings(radiusM: 2_000)
        let one = CoverageEngine.run(terrain: terrain, sites: sites, settings: settings, model: model, threads: 1)
        let four = CoverageEngine.run(terrain: terrain, sites: sites, settings: settings, model: model, threads: 4)
        #expect(one.bestValue! == four.bestValue!)
        #expect(one.bestTower == four.bestTower)
        #expect(one.serverCount == four.serverCount)
    }

    /// Pruning (a tower's cell is skipped when a bound proves it neither serves nor beats the best
    /// value merged there) and the count-only shortcut (P.1812 returns an upper bound of the loss
    /// where bounds prove the tower serves but cannot be the best) change nothing: the combined
    /// run equals the towers run one by one and combined by hand (best = largest margin, ties to
    /// the lower index; count = margins ≥ 0). Letting the shortcut through where the tower could
    /// still be within 20 dB of the best makes this test fail.
    @Test func pruningDoesNotChangeTheResult() {
        let terrain = TestTerrains.fractal(size: 180, cellM: 30, seed: 11, reliefM: 120, persistence: 0.6)
        let sites = (0..<8).map { Self.site(terrain, col: 20 + 20 * $0, row: 30 + 15 * ($0 % 5), heightM: 25, eirp: 30, index: $0) }
        let model = CoverageModel.signal(.p1812(P1812AreaSettings(frequencyGHz: 1.8, rxHeightM: 1.5, deltaN: 45, n0: 375)),
                                         ServiceThresholds(allDBm: -95))
        let settings = SweepSettings(radiusM: 2_400)
        let combined = CoverageEngine.run(terrain: terrain, sites: sites, settings: settings, model: model, threads: 2)
        let single = sites.map { CoverageEngine.run(terrain: terrain, sites: [$0], settings: settings, model: model, threads: 1) }
        for i in 0..<terrain.grid.cellCount {
            var best = -Float.infinity, bestIndex: Int32 = -1, count: UInt16 = 0
            for (k, g) in single.enumerated() where g.bestIndex(at: i) >= 0 {
                let v = g.bestValue![i]
                if v >= 0 { count += 1 }
                if v > best { best = v; bestIndex = Int32(k) }
            }
            #expect(combined.bestIndex(at: i) == bestIndex)
            #expect(combined.serverCount[i] == count)
            if bestIndex >= 0 { #expect(combined.bestValue![i] == best) }
        }
    }

    /// A low-power tower's rays stop at its free-space reach (DESIGN.md §4): with EIRP −10 dBm
    /// at 1800 MHz and a −110 dBm threshold the largest useful loss is 100 dB, reached by free
    /// space at d = 10^((100 − 92.4 − 20·log10 1.8)/20) km = 1.3325 km. Every cell nearer is
    /// evaluated, every farther one is left at −∞ (not reached). Inside, no model gives more
    /// margin than free space at boresight, 20·log10(reach/d); free space itself comes within
    /// 0.5 dB of it at the edge (slant distance and the vertical pattern at 1.3°).
    @Test(arguments: ["fspl", "hata", "p1812"]) func raysStopAtTheFreeSpaceReach(_ model: String) {
        let terrain = TestTerrains.flat(size: 201, cellM: 30, heightM: 12)
        let site = Self.site(terrain, col: 100, row: 100, heightM: 30, eirp: -10)
        let thresholds = ServiceThresholds()
        let kind: SignalModel = switch model {
        case "fspl": .freeSpace
        case "hata": .hata(.rural)
        default: .p1812(P1812AreaSettings(frequencyGHz: 1.8, rxHeightM: 1.5, deltaN: 45, n0: 375))
        }
        let grids = CoverageEngine.run(terrain: terrain, sites: [site], settings: SweepSettings(radiusM: 2_900),
                                       model: .signal(kind, thresholds), threads: 2)
        let reachM = 1000 * pow(10, (100 - 92.4 - 20 * log10(1.8)) / 20)
        #expect(abs(LinkBudget(site: site, thresholds: thresholds).freeSpaceReachM(frequencyGHz: 1.8) - reachM) < 1e-9)
        var inside = 0, outside = 0, edge = 0
        for r in 0..<201 {
            for c in 0..<201 where !(r == 100 && c == 100) {
                let dM = Double((c - 100) * (c - 100) + (r - 100) * (r - 100)).squareRoot() * 30
                guard dM <= 2_900 else { continue }
                let v = grids.bestValue![r * 201 + c]
                if dM <= reachM {
                    let freeSpaceMargin = Float(20 * log10(reachM / dM))
                    #expect(v > -.infinity && v <= freeSpaceMargin + 1e-3, "cell at \(dM) m inside the reach")
                    if dM > reachM - 30 {
                        if model == "fspl" { #expect(v > freeSpaceMargin - 0.5) }
                        edge += 1
                    }
                    inside += 1
                } else {
                    #expect(v == -.infinity, "cell at \(dM) m beyond the reach")
                    outside += 1
                }
            }
        }
        #expect(inside > 6_000 && outside > 20_000 && edge > 100)
    }

    /// The reach is a bound, not an approximation: on rugged terrain, cells just beyond a
    /// P.1812 tower's reach (left at −∞ by the sweep) evaluated point to point on their exact
    /// profile are all below the threshold.
    @Test func cellsBeyondTheReachAreNotServed() throws {
        let terrain = TestTerrains.fractal(size: 241, cellM: 30, seed: 5, reliefM: 150, persistence: 0.65)
        let site = Self.site(terrain, col: 120, row: 120, heightM: 40, eirp: -5)
        let budget = LinkBudget(site: site, thresholds: ServiceThresholds())
        let reachM = budget.freeSpaceReachM(frequencyGHz: 1.8)
        #expect(abs(reachM - 2_369) < 1)   // 105 dB: 10^((105 − 92.4 − 20·log10 1.8)/20) km
        let p1812 = P1812AreaSettings(frequencyGHz: 1.8, rxHeightM: 1.5, deltaN: 45, n0: 375)
        let grids = CoverageEngine.run(terrain: terrain, sites: [site], settings: SweepSettings(radiusM: 3_500),
                                       model: .signal(.p1812(p1812), ServiceThresholds()), threads: 2)
        var checked = 0
        for r in 0..<241 {
            for c in 0..<241 {
                let dc = c - 120, dr = r - 120
                let dM = Double(dc * dc + dr * dr).squareRoot() * 30
                guard dM > reachM, dM <= reachM + 150, (dc + dr) % 3 == 0 else { continue }
                #expect(grids.bestValue![r * 241 + c] == -.infinity)
                let profile = GridProfile(terrain: terrain, fromCol: 120, fromRow: 120, toCol: c, toRow: r)!
                let link = P1812Link(frequencyGHz: 1.8, timePercent: 50, txLatDeg: 0, txLonDeg: 0, rxLatDeg: 0, rxLonDeg: 0,
                                     txHeightM: 40, rxHeightM: 1.5, deltaN: 45, n0: 375)
                let loss = try P1812.predict(link: link, profile: P1812Profile(distancesKm: profile.distancesM.map { $0 / 1000 },
                                                                               heightsM: profile.heightsM)).basicTransmissionLossDB
                let margin = budget.marginDB(lossDB: loss, dCol: dc, dRow: dr, distanceM: dM, rxAltitudeM: profile.heightsM.last! + 1.5)
                #expect(margin < 0)
                checked += 1
            }
        }
        #expect(checked > 200)
    }
}

