import BlankSpotCore
import Testing

/// The chamfer distance against the exact Euclidean distance to the nearest mask cell, found by
/// brute force: exact along rows and columns, never more than 6 % short nor 9 % long elsewhere
/// (the 3-4 chamfer's known bounds, Borgefors 1986).
@Suite struct DistanceToMaskTests {
    @Test func agreesWithBruteForce() {
        var rng = SplitMix64(seed: 11)
        let w = 60, h = 45
        var mask = [Bool](repeating: false, count: w * h)
        for _ in 0..<12 { mask[Int(rng.next() % UInt64(w * h))] = true }
        let d = DistanceToMask.km(mask: mask, width: w, height: h, cellKm: 0.1)
        let seeds = mask.indices.filter { mask[$0] }
        var worstShort = 0.0, worstLong = 0.0
        for i in 0..<(w * h) {
            let exact = seeds.map { s -> Double in
                let dc = Double(i % w - s % w), dr = Double(i / w - s / w)
                return (dc * dc + dr * dr).squareRoot() * 0.1
            }.min()!
            if exact == 0 { #expect(d[i] == 0); continue }
            worstShort = max(worstShort, 1 - d[i] / exact)
            worstLong = max(worstLong, d[i] / exact - 1)
        }
        #expect(worstShort <= 0.06 && worstLong <= 0.09, "short \(worstShort), long \(worstLong)")
        // Along a row from a lone seed: exact.
        var one = [Bool](repeating: false, count: 10)
        one[0] = true
        let row = DistanceToMask.km(mask: one, width: 10, height: 1, cellKm: 0.5)
        let expected = (0..<10).map { Double($0) * 0.5 }
        #expect(row == expected)
        let none = DistanceToMask.km(mask: [false, false], width: 2, height: 1, cellKm: 1)
        #expect(none[0].isInfinite && none[1].isInfinite)
    }

    @Test func coastalTaperRisesFromTheShore() {
        #expect(KalselRelief.coastalTaper(distanceKm: 0) == 0)
        #expect(KalselRelief.coastalTaper(distanceKm: 1.5) == 0.5)
        #expect(KalselRelief.coastalTaper(distanceKm: 3) == 1 && KalselRelief.coastalTaper(distanceKm: 50) == 1)
    }
}
