# arithmetic that stays within 64 bits does not raise
let big = 9223372036854775806
print(big + 1)  # expect: 9223372036854775807
print(3037000499 * 3037000499)  # expect: 9223372030926249001
