// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import "./ERC20Base.sol";

interface IVeniceToken {
    function transferFrom(address from, address to, uint256 amount) external returns (bool);

    function transfer(address to, uint256 amount) external returns (bool);
}

/// Sandbox stand-in for the VVV staking contract on Base
/// (0x321b7ff75154472B18EDb199033fF4D116F340Ff), which is itself the sVVV ERC-20.
/// stake() pulls VVV with transferFrom (after approve) and mints the same amount of sVVV.
contract VeniceStaking is ERC20Base {
    address public constant VVV = 0xacfE6019Ed1A7Dc6f7B508C02d1b04ec88cC21bf;

    event Staked(address indexed account, uint256 amount);
    event Unstaked(address indexed account, uint256 amount);

    function name() public pure override returns (string memory) {
        return "Staked VVV";
    }

    function symbol() public pure override returns (string memory) {
        return "sVVV";
    }

    function stake(uint256 amount) external {
        require(amount > 0, "sVVV: amount is zero");
        require(IVeniceToken(VVV).transferFrom(msg.sender, address(this), amount), "sVVV: VVV transfer failed");
        _mint(msg.sender, amount);
        emit Staked(msg.sender, amount);
    }

    function unstake(uint256 amount) external {
        _burn(msg.sender, amount);
        require(IVeniceToken(VVV).transfer(msg.sender, amount), "sVVV: VVV transfer failed");
        emit Unstaked(msg.sender, amount);
    }
}
