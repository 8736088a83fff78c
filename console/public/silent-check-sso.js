// Hands the code Keycloak put in this frame's address to the console that opened the frame, on this
// origin only (a file, not an inline script: the Content-Security-Policy allows no inline script).
parent.postMessage(location.href, location.origin)
