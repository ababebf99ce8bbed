-- Moves the staff's audit log from its stream (the layout before the outbox on lists) into its list, in one atomic step.
-- KEYS: {audit}:stream, {audit}:log. Returns the number of entries moved. Each keeps the server time of its stream id,
-- by which the log is trimmed to Staff:AuditRetention; they go to the tail, older than anything written since.
local stream, log = KEYS[1], KEYS[2]
local kind = redis.call('TYPE', stream)
if (kind.ok or kind) ~= 'stream' then return 0 end
local entries = redis.call('XRANGE', stream, '-', '+')
for i = #entries, 1, -1 do
  local e = entries[i]
  local f = {}
  for j = 1, #e[2], 2 do f[e[2][j]] = e[2][j + 1] end
  local at = tonumber(f.at) or 0
  redis.call('RPUSH', log, string.match(e[1], '^(%d+)') .. ' ' ..
    cjson.encode({at = at, who = f.who or '', action = f.action or '', detail = f.detail or ''}))
end
redis.call('DEL', stream)
return #entries
