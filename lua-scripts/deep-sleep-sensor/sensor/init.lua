-- A battery sensor: wake, read a pin, join WiFi, send one reading over UDP, deep-sleep a minute, repeat.
gpio.mode(5, gpio.INPUT)
local level = gpio.read(5)
local _, reason = node.bootreason()
wifi.setmode(wifi.STATION)
wifi.sta.config("Home", "homepass1")
local t = tmr.create()
t:alarm(200, tmr.ALARM_AUTO, function()
  if wifi.sta.getip() then
    t:unregister()
    local u = net.createUDPSocket()
    u:send(5683, "192.168.1.2", "reading boot=" .. reason .. " level=" .. level)
    tmr.create():alarm(100, tmr.ALARM_SINGLE, function() node.dsleep(60 * 1000000) end)
  end
end)
