-- string.format cases; format.expected is what PUC lua5.1 (5.1.5) printed for this file run as init.lua
local cases = {
 {"%5.2f", 3.14159}, {"%.1f", 20/3}, {"%.0f", 2.5}, {"%.0f", 3.5}, {"%g", 0.0001}, {"%g", 0.00001}, {"%g", 100000}, {"%g", 1000000},
 {"%-50s|", "left"}, {"%.20s", "abcdefghijklmnopqrstuvwxyz"}, {"%99.99f", 1/3}, {"%010d", 42}, {"%010d", -42}, {"%-10d|", 42},
 {"%+d", 5}, {"% d", 5}, {"%x", 255}, {"%X", 255}, {"%#x", 255}, {"%#o", 8}, {"%o", 8}, {"%5.3d", 7}, {"%.0d", 0},
 {"%e", 12345.6789}, {"%.3E", 0.000123456}, {"%10.4e", -1.5}, {"%G", 1e-10}, {"%#g", 1.0}, {"%g", 1/3}, {"%.14g", 2^53},
 {"%c", 65}, {"%5c|", 66}, {"%-5c|", 67}, {"%d", 3.7}, {"%d", -3.7}, {"%i", "10"}, {"%s", 1/3}, {"%s", 42}, {"%5s|", "ab"},
 {"%q", "a\0b\"c\\d\ne\rf"}, {"%f", 1/0}, {"%5.1f", -1/0}, {"%08.3f", -3.14159}, {"%+.2e", 12.5}, {"%u", 42}, {"%.3s", "ab"},
 {"%%", nil}, {"%5%", nil}, {"%.2f%%", 99.5}, {"%x", 0.3}, {"%.10f", 0.1}, {"%.3g", 1234567}, {"%g", 123456}, {"%g", 1234567},
 {"%-+8.2f|", 3.14159}, {"% 08.2f", 3.14159}, {"%03d", 1.9}, {"%s", "x"..string.rep("y", 120)}, {"%.20f", 1e-30}, {"%.0e", 5e10},
}
for _, c in ipairs(cases) do
  local ok, r = pcall(string.format, c[1], c[2])
  print(string.format("%q", c[1]) .. "\t" .. (ok and string.format("%q", r) or ("ERR " .. r)))
end
for _, f in ipairs({"%y", "%123d", "%1.123f", "%-+ #0-d", "%"}) do
  local ok, r = pcall(string.format, f, 1); print(f, r)
end
for _, a in ipairs({{"%d", nil, 2}, {"%d", nil, 1}, {"%s", {}, 2}, {"%d", "x", 2}}) do print(pcall(function() local r if a[3] == 2 then r = string.format(a[1], a[2]) else r = string.format(a[1]) end return r end)) end
