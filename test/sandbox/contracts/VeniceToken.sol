// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import "./ERC20Base.sol";

/// Sandbox stand-in for the VVV token on Base (0xacfE6019Ed1A7Dc6f7B508C02d1b04ec88cC21bf).
/// The minter lives in storage; the sandbox writes it with anvil_setStorageAt.
contract VeniceToken is ERC20Base {
    address public minter;

    function name() public pure override returns (string memory) {
        return "Venice Token";
    }

    function symbol() public pure override returns (string memory) {
        return "VVV";
    }

    function mint(address to, uint256 amount) external {
        require(msg.sender == minter, "VVV: caller is not the minter");
        _mint(to, amount);
    }
}
