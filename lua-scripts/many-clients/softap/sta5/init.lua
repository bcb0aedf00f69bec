-- A station that tries to join the tiny access point.
wifi.setmode(wifi.STATION)
wifi.sta.config("tiny", "tiny1234")
tmr.alarm(0, 20000, tmr.ALARM_SINGLE, function()
  print(wifi.sta.getip() and "joined" or "not joined, status " .. wifi.sta.status())
end)
