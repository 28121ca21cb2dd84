import BlankSpotCore
import Testing

/// `--radius-km auto|KM` with `--max-reach-km` and `--reach-scale`, and the radii the
/// automatic reach tries.
@Suite struct AutomaticReachOptionTests {
    @Test func autoIsTheCapWithARule() throws {
        let auto = try RadiusOption.parse(" AUTO ", maxReachKm: 300, reachScale: 1)
        #expect(auto.radiusM == 300_000)
        #expect(auto.automatic == AutomaticReach(scale: 1))
        let doubled = try RadiusOption.parse("auto", maxReachKm: 120, reachScale: 2)
        #expect(doubled.radiusM == 120_000 && doubled.automatic?.scale == 2)
    }

    @Test func aNumberIsAFixedRadius() throws {
        let fixed = try RadiusOption.parse("30", maxReachKm: 300, reachScale: 1)
        #expect(fixed.radiusM == 30_000 && fixed.automatic == nil)
        #expect(try RadiusOption.parse("12.5", maxReachKm: 300, reachScale: 1).radiusM == 12_500)
    }

    @Test(arguments: [("far", 300.0, 1.0), ("auto", 0.5, 1.0), ("auto", 300.0, 5.0), ("30", 300.0, 2.0), ("0", 300.0, 1.0)])
    func badValuesAreUsageErrors(_ c: (String, Double, Double)) {
        #expect(throws: UsageError.self) { try RadiusOption.parse(c.0, maxReachKm: c.1, reachScale: c.2) }
    }

    /// 8 km doubled below the cap, then the cap itself.
    @Test func ladderDoublesUpToTheCap() {
        let rule = AutomaticReach()
        #expect(rule.ladderM(capM: 300_000) == [8_000, 16_000, 32_000, 64_000, 128_000, 256_000, 300_000])
        #expect(rule.ladderM(capM: 64_000) == [8_000, 16_000, 32_000, 64_000])
        #expect(rule.ladderM(capM: 5_000) == [5_000])
        #expect(rule.ladderM(capM: 300_000, growth: AutomaticReach.proofGrowth) == [8_000, 32_000, 128_000, 300_000])
    }
}
