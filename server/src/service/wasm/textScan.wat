;; Scans of a record's text for the engine (see textScan.ts). The text is in the memory from byte 0
;; as UTF-16 code units, little-endian, followed by 32 spaces, so that scans read whole blocks of
;; sixteen units past its end with no unit-by-unit tail; offsets are in units, as JavaScript
;; strings count them.
;; Sixteen units are compared at a time (SIMD), narrowed to bytes: a unit of U+0100 or above
;; becomes 0xFF or 0x00 (narrowing reads units as signed), so none turns into a quote, a colon or
;; a line feed. A scan costs a fraction of a JavaScript loop that stops at every colon or line
;; feed (tens of thousands in a large record).
;; The loops are written out rather than calling helpers: the compiler does not inline them.
(module
  (memory (export "memory") 1)

  (func $unitAt (param $at i32) (result i32)
    (i32.load16_u (i32.shl (local.get $at) (i32.const 1))))

  (func $isWhitespace (param $unit i32) (result i32)
    (i32.or
      (i32.or (i32.eq (local.get $unit) (i32.const 32)) (i32.eq (local.get $unit) (i32.const 10)))
      (i32.or (i32.eq (local.get $unit) (i32.const 13)) (i32.eq (local.get $unit) (i32.const 9)))))

  ;; The offset of the last line feed countLineFeeds met (-1 when it met none).
  (global $lastLineFeed (export "lastLineFeed") (mut i32) (i32.const -1))

  ;; 1 when countLineFeeds met a carriage return that no line feed follows: a line break of its
  ;; own, as old Macs wrote them, which the line feeds alone do not count.
  (global $bareCarriageReturn (export "bareCarriageReturn") (mut i32) (i32.const 0))

  ;; The line feeds among the units [from, to).
  (func (export "countLineFeeds") (param $from i32) (param $to i32) (result i32)
    (local $i i32)
    (local $count i32)
    (local $bytes v128)
    (local $mask i32)
    (local $returns i32)
    (local $inRange i32)
    (global.set $lastLineFeed (i32.const -1))
    (global.set $bareCarriageReturn (i32.const 0))
    (local.set $i (local.get $from))
    (block $done
      (loop $vectors
        (br_if $done (i32.ge_u (local.get $i) (local.get $to)))
        (local.set $bytes (i8x16.narrow_i16x8_u (v128.load (i32.shl (local.get $i) (i32.const 1))) (v128.load offset=16 (i32.shl (local.get $i) (i32.const 1)))))
        (local.set $mask (i8x16.bitmask (i8x16.eq (local.get $bytes) (v128.const i8x16 10 10 10 10 10 10 10 10 10 10 10 10 10 10 10 10))))
        (local.set $returns (i8x16.bitmask (i8x16.eq (local.get $bytes) (v128.const i8x16 13 13 13 13 13 13 13 13 13 13 13 13 13 13 13 13))))
        ;; The last block may reach past $to: its units from $to on are not counted.
        (if (i32.lt_u (i32.sub (local.get $to) (local.get $i)) (i32.const 16))
          (then
            (local.set $inRange (i32.sub (i32.shl (i32.const 1) (i32.sub (local.get $to) (local.get $i))) (i32.const 1)))
            (local.set $mask (i32.and (local.get $mask) (local.get $inRange)))
            (local.set $returns (i32.and (local.get $returns) (local.get $inRange)))))
        (if (local.get $mask)
          (then
            (local.set $count (i32.add (local.get $count) (i32.popcnt (local.get $mask))))
            (global.set $lastLineFeed (i32.sub (i32.add (local.get $i) (i32.const 31)) (i32.clz (local.get $mask))))))
        ;; Each carriage return is looked at with the unit after it (the padding makes that unit readable at the end).
        (block $returnsDone
          (loop $eachReturn
            (br_if $returnsDone (i32.eqz (local.get $returns)))
            (if (i32.ne (call $unitAt (i32.add (i32.add (local.get $i) (i32.ctz (local.get $returns))) (i32.const 1))) (i32.const 10))
              (then (global.set $bareCarriageReturn (i32.const 1))))
            (local.set $returns (i32.and (local.get $returns) (i32.sub (local.get $returns) (i32.const 1))))
            (br $eachReturn)))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $vectors)))
    (local.get $count))

  ;; Whether the colon at $at follows a quote, with only whitespace between (a key's colon).
  (func $followsQuote (param $at i32) (result i32)
    (local $unit i32)
    (block $none
      (loop $back
        (br_if $none (i32.eqz (local.get $at)))
        (local.set $at (i32.sub (local.get $at) (i32.const 1)))
        (local.set $unit (call $unitAt (local.get $at)))
        (br_if $back (call $isWhitespace (local.get $unit)))
        (return (i32.eq (local.get $unit) (i32.const 34)))))
    (i32.const 0))

  ;; Counts the colon at $at when it is a key's, recording every 64th key's colon at $out.
  (func $countKeyColon (param $at i32) (param $out i32) (param $count i32) (result i32)
    (if (i32.eqz (call $followsQuote (local.get $at))) (then (return (local.get $count))))
    (if (i32.eqz (i32.and (local.get $count) (i32.const 63)))
      (then (i32.store (i32.add (local.get $out) (i32.shl (i32.shr_u (local.get $count) (i32.const 6)) (i32.const 2))) (local.get $at))))
    (i32.add (local.get $count) (i32.const 1)))

  ;; The number of key colons among the first $n units; the offset of the colon of keys 0, 64,
  ;; 128, ... goes to $out as i32 values. Sixteen units whose colons all directly follow a quote
  ;; and hold no 64th key are counted at once; the others colon by colon.
  (func (export "indexKeys") (param $n i32) (param $out i32) (result i32)
    (local $i i32)
    (local $count i32)
    (local $isColon v128)
    (local $colons i32)
    (local $keys i32)
    (local $next i32)
    ;; The first unit cannot be a key's colon: nothing comes before it.
    (local.set $i (i32.const 1))
    (block $done
      (loop $vectors
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $isColon (i8x16.eq (i8x16.narrow_i16x8_u (v128.load (i32.shl (local.get $i) (i32.const 1))) (v128.load offset=16 (i32.shl (local.get $i) (i32.const 1)))) (v128.const i8x16 58 58 58 58 58 58 58 58 58 58 58 58 58 58 58 58)))
        (local.set $colons (i8x16.bitmask (local.get $isColon)))
        (if (local.get $colons)
          (then
            (local.set $keys
              (i8x16.bitmask
                (v128.and (local.get $isColon)
                  (i8x16.eq (i8x16.narrow_i16x8_u (v128.load (i32.shl (i32.sub (local.get $i) (i32.const 1)) (i32.const 1))) (v128.load offset=16 (i32.shl (i32.sub (local.get $i) (i32.const 1)) (i32.const 1)))) (v128.const i8x16 34 34 34 34 34 34 34 34 34 34 34 34 34 34 34 34)))))
            ;; The next multiple of 64 from $count: a checkpoint falls among these keys when it is below $count + keys.
            (local.set $next (i32.and (i32.add (local.get $count) (i32.const 63)) (i32.const -64)))
            (if (i32.and
                  (i32.eq (local.get $keys) (local.get $colons))
                  (i32.ge_u (local.get $next) (i32.add (local.get $count) (i32.popcnt (local.get $keys)))))
              (then (local.set $count (i32.add (local.get $count) (i32.popcnt (local.get $keys)))))
              (else
                (loop $each
                  (local.set $count
                    (call $countKeyColon (i32.add (local.get $i) (i32.ctz (local.get $colons))) (local.get $out) (local.get $count)))
                  (local.set $colons (i32.and (local.get $colons) (i32.sub (local.get $colons) (i32.const 1))))
                  (br_if $each (local.get $colons)))))))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $vectors)))
    (local.get $count))

  ;; Whether any of the eight units from $at is one the text-characters rule may report, or a
  ;; backslash that may start an escape of one: control characters other than tab, line feed and
  ;; carriage return, U+007F-U+009F, surrogates, U+FFFD-U+FFFF, and \u, \b or \f.
  (func $hasSuspectIn8 (param $at i32) (result i32)
    (local $v v128)
    (local $next v128)
    (local.set $v (v128.load (i32.shl (local.get $at) (i32.const 1))))
    (local.set $next (v128.load offset=2 (i32.shl (local.get $at) (i32.const 1))))
    (v128.any_true
      (v128.or
        (v128.or
          (v128.andnot
            (i16x8.lt_u (local.get $v) (v128.const i16x8 32 32 32 32 32 32 32 32))
            (v128.or
              (v128.or (i16x8.eq (local.get $v) (v128.const i16x8 9 9 9 9 9 9 9 9)) (i16x8.eq (local.get $v) (v128.const i16x8 10 10 10 10 10 10 10 10)))
              (i16x8.eq (local.get $v) (v128.const i16x8 13 13 13 13 13 13 13 13))))
          (i16x8.le_u
            (i16x8.sub (local.get $v) (v128.const i16x8 0x7f 0x7f 0x7f 0x7f 0x7f 0x7f 0x7f 0x7f))
            (v128.const i16x8 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20)))
        (v128.or
          (v128.or
            (i16x8.le_u
              (i16x8.sub (local.get $v) (v128.const i16x8 0xd800 0xd800 0xd800 0xd800 0xd800 0xd800 0xd800 0xd800))
              (v128.const i16x8 0x7ff 0x7ff 0x7ff 0x7ff 0x7ff 0x7ff 0x7ff 0x7ff))
            (i16x8.ge_u (local.get $v) (v128.const i16x8 0xfffd 0xfffd 0xfffd 0xfffd 0xfffd 0xfffd 0xfffd 0xfffd)))
          (v128.and
            (i16x8.eq (local.get $v) (v128.const i16x8 92 92 92 92 92 92 92 92))
            (v128.or
              (i16x8.eq (local.get $next) (v128.const i16x8 117 117 117 117 117 117 117 117))
              (v128.or
                (i16x8.eq (local.get $next) (v128.const i16x8 98 98 98 98 98 98 98 98))
                (i16x8.eq (local.get $next) (v128.const i16x8 102 102 102 102 102 102 102 102)))))))))

  ;; 1 when any of the first $n units is suspect (see $hasSuspectIn8), else 0. Sixteen units at a time
  ;; are narrowed to bytes: when every one is printable ASCII other than a backslash, or a tab, line
  ;; feed or carriage return, none is suspect (a unit of U+0100 or above becomes 0xFF or 0x00,
  ;; neither of which passes); the rare other blocks are looked at again unit by unit.
  (func (export "mayHoldInvalidCharacters") (param $n i32) (result i32)
    (local $i i32)
    (local $bytes v128)
    (block $done
      (loop $vectors
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $bytes
          (i8x16.narrow_i16x8_u
            (v128.load (i32.shl (local.get $i) (i32.const 1)))
            (v128.load offset=16 (i32.shl (local.get $i) (i32.const 1)))))
        ;; 0x20-0x7F is above 0x1F as a signed byte; DEL and the backslash are taken out of it.
        (if (i32.eqz
              (i8x16.all_true
                (v128.or
                  (v128.andnot
                    (i8x16.gt_s (local.get $bytes) (v128.const i8x16 31 31 31 31 31 31 31 31 31 31 31 31 31 31 31 31))
                    (v128.or
                      (i8x16.eq (local.get $bytes) (v128.const i8x16 127 127 127 127 127 127 127 127 127 127 127 127 127 127 127 127))
                      (i8x16.eq (local.get $bytes) (v128.const i8x16 92 92 92 92 92 92 92 92 92 92 92 92 92 92 92 92))))
                  (v128.or
                    (i8x16.eq (local.get $bytes) (v128.const i8x16 10 10 10 10 10 10 10 10 10 10 10 10 10 10 10 10))
                    (v128.or
                      (i8x16.eq (local.get $bytes) (v128.const i8x16 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9))
                      (i8x16.eq (local.get $bytes) (v128.const i8x16 13 13 13 13 13 13 13 13 13 13 13 13 13 13 13 13)))))))
          (then
            (if (i32.or (call $hasSuspectIn8 (local.get $i)) (call $hasSuspectIn8 (i32.add (local.get $i) (i32.const 8))))
              (then (return (i32.const 1))))))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $vectors)))
    (i32.const 0))
)
