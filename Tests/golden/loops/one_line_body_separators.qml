# loop bodies may hold several statements separated by ;
var i = 0; var s = 0
while i < 4 { s = s + i; i = i + 1 }
print(s)  # expect: 6
