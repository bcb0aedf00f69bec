-- A board's own access point: the SoftAP takes at most 4 stations (wifi.ap.config max = 4).
wifi.setmode(wifi.SOFTAP)
wifi.ap.config({ssid = "tiny", pwd = "tiny1234", max = 4})
tmr.alarm(0, 30000, tmr.ALARM_SINGLE, function()
  local n = 0
  for mac, ip in pairs(wifi.ap.getclient()) do n = n + 1 end
  print("stations: " .. n)
end)
