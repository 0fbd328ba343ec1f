/// A small zlib (RFC 1950) encoder over DEFLATE (RFC 1951), written here so that PNG output
/// needs no system library. It finds repeats with a hash-chain LZ77 matcher and codes them
/// with DEFLATE's fixed Huffman code; when that would not be smaller it falls back to stored
/// blocks. Pictures and plots are mostly flat colour, which this compresses well.
enum ZlibEncoder {
    /// Wraps `data` as a zlib stream: header, DEFLATE blocks, Adler-32 of the input.
    static func compress(_ data: [UInt8]) -> [UInt8] {
        // CMF 0x78: deflate with a 32 KiB window; FLG 0x01 makes (CMF·256 + FLG) % 31 == 0.
        var out: [UInt8] = [0x78, 0x01]
        let fixed = fixedHuffmanDeflate(data)
        out += fixed.count < storedSize(data.count) ? fixed : storedDeflate(data)
        let adler = ZlibChecksums.adler32(data)
        out += [UInt8(adler >> 24), UInt8((adler >> 16) & 0xFF), UInt8((adler >> 8) & 0xFF), UInt8(adler & 0xFF)]
        return out
    }

    /// How many bytes `storedDeflate` makes for `count` input bytes.
    static func storedSize(_ count: Int) -> Int {
        let blocks = max(1, (count + 65534) / 65535)
        return count + 5 * blocks
    }

    /// DEFLATE stream of stored (uncompressed) blocks of at most 65,535 bytes each.
    static func storedDeflate(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(storedSize(data.count))
        var start = 0
        repeat {
            let length = min(65535, data.count - start)
            let final: UInt8 = start + length >= data.count ? 1 : 0
            // BFINAL, then BTYPE 00, padded to the byte boundary: one header byte.
            out.append(final)
            let len = UInt16(length), nlen = ~UInt16(length)
            out += [UInt8(len & 0xFF), UInt8(len >> 8), UInt8(nlen & 0xFF), UInt8(nlen >> 8)]
            out += data[start..<(start + length)]
            start += length
        } while start < data.count
        return out
    }

    // MARK: - Fixed-Huffman DEFLATE

    /// Base match length for length codes 257...285.
    static let lengthBase: [Int] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
                                    35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    /// Extra bits after each length code.
    static let lengthExtra: [Int] = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2,
                                     3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    /// Base distance for distance codes 0...29.
    static let distanceBase: [Int] = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193,
                                      257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
                                      8193, 12289, 16385, 24577]
    /// Extra bits after each distance code.
    static let distanceExtra: [Int] = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6,
                                       7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]

    /// Length code index (0...28) for each match length 0...258 (entries below 3 unused).
    static let lengthCodeIndex: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 259)
        for length in 3...258 {
            var index = lengthBase.count - 1
            while lengthBase[index] > length { index -= 1 }
            table[length] = UInt8(index)
        }
        return table
    }()

    /// The fixed literal/length code of `symbol` (0...287): its bits, already reversed for
    /// LSB-first output, and its length.
    static let fixedLiteralCodes: [(bits: UInt32, count: Int)] = (0..<288).map { symbol in
        let code: UInt32, count: Int
        switch symbol {
        case 0...143: code = 0x30 + UInt32(symbol); count = 8
        case 144...255: code = 0x190 + UInt32(symbol - 144); count = 9
        case 256...279: code = UInt32(symbol - 256); count = 7
        default: code = 0xC0 + UInt32(symbol - 280); count = 8
        }
        return (reverseBits(code, count), count)
    }

    /// Reverses the low `count` bits of `value` (Huffman codes are sent most significant bit first).
    static func reverseBits(_ value: UInt32, _ count: Int) -> UInt32 {
        var result: UInt32 = 0
        var v = value
        for _ in 0..<count { result = (result << 1) | (v & 1); v >>= 1 }
        return result
    }

    /// Collects bits least significant first into bytes.
    struct BitWriter {
        var bytes: [UInt8] = []
        private var buffer: UInt64 = 0
        private var used = 0

        mutating func write(_ bits: UInt32, _ count: Int) {
            buffer |= UInt64(bits) << UInt64(used)
            used += count
            while used >= 8 {
                bytes.append(UInt8(truncatingIfNeeded: buffer))
                buffer >>= 8
                used -= 8
            }
        }

        mutating func flush() {
            if used > 0 { bytes.append(UInt8(truncatingIfNeeded: buffer)) }
            buffer = 0; used = 0
        }
    }

    /// One final fixed-Huffman block holding literals and (length, distance) matches found
    /// by a hash-chain search over the last 32 KiB.
    static func fixedHuffmanDeflate(_ data: [UInt8]) -> [UInt8] {
        var writer = BitWriter()
        writer.bytes.reserveCapacity(data.count / 4 + 16)
        writer.write(1, 1)      // BFINAL
        writer.write(1, 2)      // BTYPE 01: fixed Huffman codes

        func literal(_ symbol: Int) {
            let code = fixedLiteralCodes[symbol]
            writer.write(code.bits, code.count)
        }

        let n = data.count
        let window = 32768, maxMatch = 258, maxChain = 96
        let hashBits = 15, hashMask = (1 << 15) - 1
        var head = [Int32](repeating: -1, count: 1 << hashBits)
        var previous = [Int32](repeating: -1, count: max(1, n))

        func hash(_ i: Int) -> Int {
            ((Int(data[i]) << 10) ^ (Int(data[i + 1]) << 5) ^ Int(data[i + 2])) & hashMask
        }
        func insert(_ i: Int) {
            guard i + 2 < n else { return }
            let h = hash(i)
            previous[i] = head[h]
            head[h] = Int32(i)
        }

        var i = 0
        while i < n {
            var bestLength = 0, bestDistance = 0
            if i + 2 < n {
                let limit = min(maxMatch, n - i)
                var candidate = Int(head[hash(i)])
                var chain = 0
                while candidate >= 0, i - candidate <= window, chain < maxChain {
                    if data[candidate + bestLength] == data[i + bestLength] {
                        var length = 0
                        while length < limit, data[candidate + length] == data[i + length] { length += 1 }
                        if length > bestLength {
                            bestLength = length
                            bestDistance = i - candidate
                            if length == limit { break }
                        }
                    }
                    candidate = Int(previous[candidate])
                    chain += 1
                }
            }
            if bestLength >= 3 {
                let li = Int(lengthCodeIndex[bestLength])
                literal(257 + li)
                if lengthExtra[li] > 0 { writer.write(UInt32(bestLength - lengthBase[li]), lengthExtra[li]) }
                var di = distanceBase.count - 1
                while distanceBase[di] > bestDistance { di -= 1 }
                writer.write(reverseBits(UInt32(di), 5), 5)
                if distanceExtra[di] > 0 { writer.write(UInt32(bestDistance - distanceBase[di]), distanceExtra[di]) }
                for k in i..<(i + bestLength) { insert(k) }
                i += bestLength
            } else {
                literal(Int(data[i]))
                insert(i)
                i += 1
            }
        }
        literal(256)    // end of block
        writer.flush()
        return writer.bytes
    }
}

/// The checksums PNG and zlib need, computed here.
enum ZlibChecksums {
    /// The CRC-32 table for the reflected polynomial 0xEDB88320.
    static let crcTable: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    /// CRC-32 as PNG chunks and gzip use it (ISO 3309).
    static func crc32<S: Sequence>(_ bytes: S) -> UInt32 where S.Element == UInt8 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in bytes { c = crcTable[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        return ~c
    }

    /// Adler-32 as the zlib trailer uses it.
    static func adler32(_ bytes: [UInt8]) -> UInt32 {
        let modulus: UInt32 = 65521
        var a: UInt32 = 1, b: UInt32 = 0
        var i = 0
        // 5552 bytes is the longest run for which b cannot overflow 32 bits before reduction.
        while i < bytes.count {
            let end = min(i + 5552, bytes.count)
            while i < end { a += UInt32(bytes[i]); b += a; i += 1 }
            a %= modulus; b %= modulus
        }
        return (b << 16) | a
    }
}
