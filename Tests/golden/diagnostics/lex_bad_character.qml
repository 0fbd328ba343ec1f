# a character that is not part of the language
let price = 3 $ 4
# expect error: 2:15: unexpected character `$`
