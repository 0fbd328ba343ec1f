-- A tight loop inside a function: ten million integer additions on local variables.
local function loop()
  local s = 0
  for i = 0, 10000000 - 1 do
    s = s + i
  end
  return s
end

print(loop())
