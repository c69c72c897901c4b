// Package server serves a built site and its search over HTTP.
package server
