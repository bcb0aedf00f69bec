-- The collector on the home network: prints every reading it receives.
wifi.setmode(wifi.STATION)
wifi.sta.config("Home", "homepass1")
local u = net.createUDPSocket()
u:listen(5683)
u:on("receive", function(s, data, port, ip)
  print(data .. " from " .. ip)
end)
